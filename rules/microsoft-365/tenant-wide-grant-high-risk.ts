import { defineRule } from '../define-rule.ts';
import { grantEvidence, highRiskScopes, isApprovedApp, isHighRisk } from '../microsoft-apps.ts';

export default defineRule({
  id: 'microsoft-365/tenant-wide-grant-high-risk',
  title: 'High-risk delegated permissions are not granted for the whole tenant',
  description:
    "An administrator consented to high-risk delegated permissions for an app on behalf of every user in the tenant (consent type AllPrincipals). The app can act as any user who signs in to it, with those permissions, without any of them being asked, and new users inherit the grant. A compromised or over-scoped app reaches everyone's mail, files or directory data.",
  remediation:
    'Review the grant in the Microsoft Entra admin center under Enterprise applications > the app > Permissions > Admin consent. Revoke the permissions the app does not need (Review permissions, or remove the oauth2PermissionGrant with Microsoft Graph), and where only some users need the app, assign it to them (Properties > Assignment required) and grant consent per user instead. If the grant is intended, approve the app in Periscope (`periscope app status <tenant> microsoft-365:<appId> approved`).',
  severity: 'medium',
  provider: 'microsoft-365',
  kind: 'oauth_grant',
  streams: ['consent-grants'],
  references: [
    'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/grant-admin-consent',
    'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/manage-application-permissions',
    'https://learn.microsoft.com/en-us/graph/api/oauth2permissiongrant-list',
  ],
  frameworks: { soc2: ['CC6.1', 'CC6.3'], iso27001: ['A.5.15', 'A.5.23'] },
  // AI apps are common/shadow-ai-tenant-wide-grant (until approved, whatever their scopes); once
  // approved, neither rule reports them. Application permissions (app roles, consentType
  // 'Application') act as the app itself, not for users; unverified-app-high-risk-permissions
  // judges third-party ones.
  appliesTo: (asset) =>
    asset.principalType === 'tenant' &&
    asset.attributes.consentType === 'AllPrincipals' &&
    asset.aiCatalogId === null,
  evaluate(asset, ctx) {
    if (!isHighRisk(asset) || isApprovedApp(asset, ctx.policy)) return null;
    const evidence = grantEvidence(asset, highRiskScopes(asset));
    return asset.scopeRisk === 'critical' ? { evidence, severity: 'high' } : { evidence };
  },
});
