import { defineRule } from '../define-rule.ts';
import { grantEvidence, highRiskScopes, isApprovedApp, isHighRisk } from '../microsoft-apps.ts';

export default defineRule({
  id: 'microsoft-365/unverified-app-high-risk-permissions',
  title: 'Apps from unverified publishers hold no high-risk permissions',
  description:
    'A third-party application whose publisher Microsoft has not verified holds high-risk permissions in the tenant: delegated access a user (or an admin for everyone) consented to, or an application permission that works with no one signed in. Unverified multi-tenant apps asking for mail, files or directory access are the standard vehicle of consent phishing, and nothing ties them to an accountable vendor.',
  remediation:
    'Review the app in the Microsoft Entra admin center under Enterprise applications > the app > Permissions (and Sign-in logs, Audit logs). If it is not needed or not trusted, revoke its permissions there, or set Enabled for users to sign in to No under Properties, or delete the service principal. If it is needed, ask the vendor to complete publisher verification and approve it in Periscope (`periscope app status <tenant> microsoft-365:<appId> approved`). Restrict user consent to verified publishers so it does not recur.',
  severity: 'high',
  provider: 'microsoft-365',
  kind: 'oauth_grant',
  streams: ['consent-grants', 'apps'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity-platform/publisher-verification-overview',
    'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/manage-application-permissions',
    'https://learn.microsoft.com/en-us/microsoft-365/security/office-365-security/detect-and-remediate-illicit-consent-grants',
  ],
  frameworks: { soc2: ['CC6.1', 'CC9.2'], iso27001: ['A.5.19', 'A.5.23'] },
  appliesTo: (asset) => asset.attributes.thirdParty === true && asset.attributes.publisherVerified === false,
  evaluate(asset, ctx) {
    // Unknown scope risk (null) is not judged here: the scanner rates every Graph permission it can.
    if (!isHighRisk(asset) || isApprovedApp(asset, ctx.policy)) return null;
    const evidence = { ...grantEvidence(asset, highRiskScopes(asset)), aiCatalogId: asset.aiCatalogId };
    return asset.scopeRisk === 'critical' ? { evidence, severity: 'critical' } : { evidence };
  },
});
