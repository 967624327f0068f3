import type { ScopeRisk, Severity } from '../../scanner/model.ts';
import { defineRule } from '../define-rule.ts';
import { aiGrantEvidence, aiGrantOf } from '../shadow-ai.ts';

/** Broad scopes make an unvetted AI app worse; scope risk sets the finding's severity. */
const severityByScopeRisk: Record<ScopeRisk, Severity> = {
  critical: 'high',
  high: 'high',
  medium: 'medium',
  low: 'low',
};

export default defineRule({
  id: 'common/shadow-ai-grant-unapproved',
  title: 'OAuth grants to AI apps are limited to approved apps',
  description:
    'Someone granted an AI app (recognised by the AI-app catalog) access to company data, and the security team has not approved the app: it was marked unapproved or never reviewed. Data the grant reaches can be sent to the AI vendor.',
  remediation:
    "Review the app: approve it (`periscope app status <tenant> <app> approved`), or revoke the grant in the provider's admin console and block the app. Apps under review (in_review) are not reported.",
  severity: 'medium',
  provider: 'common',
  kind: 'oauth_grant',
  references: [
    'https://support.google.com/a/answer/7281227',
    'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/manage-application-permissions',
    'https://docs.github.com/en/apps/using-github-apps/reviewing-and-modifying-installed-github-apps',
  ],
  frameworks: { soc2: ['CC6.1', 'CC9.2'], iso27001: ['A.5.19', 'A.5.23'] },
  appliesTo: (asset) => asset.aiCatalogId !== null,
  evaluate(asset, ctx) {
    const grant = aiGrantOf(asset, ctx);
    if (!grant || (grant.approval !== 'unapproved' && grant.approval !== 'unreviewed')) return null;
    const evidence = aiGrantEvidence(asset, grant);
    // Unknown scope risk keeps the rule's default severity: missing evidence is never a pass.
    return asset.scopeRisk ? { evidence, severity: severityByScopeRisk[asset.scopeRisk] } : { evidence };
  },
});
