import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days without use before a token is stale; default: the tenant policy's staleDays. */
  staleDays?: number;
}

export default defineRule<'api_key', Options>({
  id: 'github/fine-grained-pat-unused',
  title: 'Fine-grained tokens with organization access are in use',
  description:
    'A fine-grained token that has not been used for a long time still grants the access it was approved for; nobody notices when a forgotten token leaks.',
  remediation:
    'Revoke the token in the organization settings under Personal access tokens > Active tokens, and ask the owner to delete it.',
  severity: 'low',
  provider: 'github',
  kind: 'api_key',
  streams: ['pat-grants'],
  references: [
    'https://docs.github.com/en/organizations/managing-programmatic-access-to-your-organization/reviewing-and-revoking-personal-access-tokens-in-your-organization',
  ],
  frameworks: { soc2: ['CC6.2'] },
  appliesTo: (asset) => asset.keyType === 'github_fine_grained_pat',
  evaluate(asset, ctx) {
    // An expired token cannot be used at all; staleness is moot.
    if (asset.attributes.tokenExpired === true) return null;
    const staleDays = ctx.options.staleDays ?? ctx.policy.staleDays;
    if (asset.lastUsedAt) {
      const idle = Math.floor(daysBetween(asset.lastUsedAt, ctx.now));
      return idle >= staleDays
        ? { evidence: { owner: asset.owner, lastUsedAt: asset.lastUsedAt, idleDays: idle, staleDays } }
        : null;
    }
    if (!asset.createdAt || daysBetween(asset.createdAt, ctx.now) <= staleDays) return null;
    return { evidence: { owner: asset.owner, lastUsedAt: null, grantedAt: asset.createdAt, staleDays } };
  },
});
