import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days without use before a credential is stale; default: the tenant policy's staleDays. */
  staleDays?: number;
}

export default defineRule<'oauth_grant', Options>({
  id: 'github/saml-credential-unused',
  title: 'SSO-authorized credentials are in use',
  description:
    'A credential authorized for single sign-on that has not been used for a long time still grants access; forgotten credentials are the ones nobody notices when they leak.',
  remediation:
    'Revoke the SSO authorization of the unused credential (People > member > SAML identity linked > Revoke) and ask the owner to delete it.',
  severity: 'low',
  provider: 'github',
  kind: 'oauth_grant',
  streams: ['saml-credentials'],
  references: [
    'https://docs.github.com/en/enterprise-cloud@latest/organizations/granting-access-to-your-organization-with-saml-single-sign-on/viewing-and-managing-a-members-saml-access-to-your-organization',
  ],
  frameworks: { soc2: ['CC6.2'] },
  appliesTo: (asset) => asset.externalId.startsWith('credential:'),
  evaluate(asset, ctx) {
    const staleDays = ctx.options.staleDays ?? ctx.policy.staleDays;
    if (asset.lastUsedAt) {
      const idle = Math.floor(daysBetween(asset.lastUsedAt, ctx.now));
      return idle >= staleDays
        ? { evidence: { login: asset.principal, lastUsedAt: asset.lastUsedAt, idleDays: idle, staleDays } }
        : null;
    }
    // Never used: only stale once it has been authorized for longer than the grace period.
    if (!asset.createdAt || daysBetween(asset.createdAt, ctx.now) <= staleDays) return null;
    return {
      evidence: { login: asset.principal, lastUsedAt: null, authorizedAt: asset.createdAt, staleDays },
    };
  },
});
