import { defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Scopes (or `prefix:` families) that count as administrative. */
  adminScopes: string[];
}

export default defineRule<'oauth_grant', Options>({
  id: 'github/saml-credential-admin-scopes',
  title: 'SSO-authorized tokens do not carry administrative scopes',
  description:
    'A classic token with admin:* scopes, delete_repo or site_admin can change organization settings, delete repositories or administer the instance. Such tokens are rarely needed day to day and are a prime target.',
  remediation:
    'Replace the token with a fine-grained token or one with only the scopes the task needs, then revoke the SSO authorization of the old one.',
  severity: 'high',
  provider: 'github',
  kind: 'oauth_grant',
  streams: ['saml-credentials'],
  options: { adminScopes: ['admin:', 'delete_repo', 'site_admin'] },
  references: [
    'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps',
    'https://docs.github.com/en/enterprise-cloud@latest/organizations/granting-access-to-your-organization-with-saml-single-sign-on/viewing-and-managing-a-members-saml-access-to-your-organization',
  ],
  frameworks: { soc2: ['CC6.3'] },
  appliesTo: (asset) => asset.externalId.startsWith('credential:'),
  evaluate(asset, ctx) {
    const adminScopes = asset.scopes.filter((scope) =>
      ctx.options.adminScopes.some((admin) =>
        admin.endsWith(':') ? scope.startsWith(admin) : scope === admin,
      ),
    );
    if (adminScopes.length === 0) return null;
    return { evidence: { login: asset.principal, adminScopes } };
  },
});
