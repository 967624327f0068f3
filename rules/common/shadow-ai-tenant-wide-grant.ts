import { defineRule } from '../define-rule.ts';
import { aiGrantEvidence, aiGrantOf } from '../shadow-ai.ts';

export default defineRule({
  id: 'common/shadow-ai-tenant-wide-grant',
  title: 'AI apps are granted tenant-wide access only after approval',
  description:
    "An AI app (recognised by the AI-app catalog) holds a grant for the whole tenant or organization (admin consent for all users, a Google domain-wide grant, a GitHub App installed on the organization) and the security team has not approved it. Everyone's data in the grant's scopes is reachable by the AI vendor.",
  remediation:
    'Approve the app after review (`periscope app status <tenant> <app> approved`), or remove the tenant-wide grant (revoke admin consent, uninstall the App) until it is approved.',
  severity: 'high',
  provider: 'common',
  kind: 'oauth_grant',
  references: [
    'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/grant-admin-consent',
    'https://support.google.com/a/answer/7281227',
    'https://docs.github.com/en/apps/using-github-apps/reviewing-and-modifying-installed-github-apps',
  ],
  frameworks: { soc2: ['CC6.1', 'CC6.3', 'CC9.2'], iso27001: ['A.5.19', 'A.5.23'] },
  appliesTo: (asset) => asset.aiCatalogId !== null && asset.principalType !== 'user',
  evaluate(asset, ctx) {
    const grant = aiGrantOf(asset, ctx);
    // In review is not approved: a tenant-wide grant should wait for the verdict.
    if (!grant || grant.approval === 'approved') return null;
    return { evidence: aiGrantEvidence(asset, grant) };
  },
});
