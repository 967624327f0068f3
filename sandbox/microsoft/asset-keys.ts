/**
 * Asset keys and rule ids the Microsoft simulator's oracle and planted list speak, per the
 * connector contract (connectors/microsoft-365/MODEL.md): `microsoft-365:<kind>:<externalId>`.
 */

export const microsoftAssetKey = {
  identity: (userId: string) => `microsoft-365:identity:${userId}`,
  app: (servicePrincipalId: string) => `microsoft-365:app:${servicePrincipalId}`,
  /** A delegated grant's id, or an application permission's appRoleAssignment id. */
  grant: (grantOrAssignmentId: string) => `microsoft-365:oauth_grant:${grantOrAssignmentId}`,
  apiKey: (applicationId: string, keyId: string) => `microsoft-365:api_key:${applicationId}:${keyId}`,
  file: (driveId: string, itemId: string) => `microsoft-365:file:${driveId}:${itemId}`,
  setting: (
    name:
      | 'authorization_policy'
      | 'admin_consent_request_policy'
      | 'sharepoint_settings'
      | 'sharepoint_tenant',
  ) => `microsoft-365:setting:${name}`,
};

/** Every rule the oracle derives. */
export const microsoftOracleRuleIds = [
  'microsoft-365/admin-without-mfa',
  'microsoft-365/user-without-mfa',
  'microsoft-365/inactive-admin',
  'microsoft-365/inactive-user',
  'microsoft-365/guest-with-privileged-role',
  'microsoft-365/users-can-consent-to-apps',
  'microsoft-365/users-can-register-apps',
  'microsoft-365/admin-consent-workflow-disabled',
  'microsoft-365/app-secret-lifetime-over-180-days',
  'microsoft-365/app-certificate-lifetime-over-365-days',
  'microsoft-365/app-credential-expiring',
  'microsoft-365/secret-on-privileged-app',
  'microsoft-365/unverified-app-high-risk-permissions',
  'microsoft-365/tenant-wide-grant-high-risk',
  'common/shadow-ai-grant-unapproved',
  'common/shadow-ai-tenant-wide-grant',
  'microsoft-365/sharepoint-external-sharing-too-broad',
  'microsoft-365/sharepoint-default-link-not-specific-people',
  'microsoft-365/sharepoint-default-link-permission-edit',
  'microsoft-365/sharepoint-anyone-link-expiry',
  'common/file-public-edit',
  'common/file-public-view',
  'common/file-external-edit',
  'common/file-external-view',
  'common/file-domain-edit',
  'common/file-domain-view',
  'common/dlp-file-public-edit',
  'common/dlp-file-public-view',
  'common/dlp-file-external-edit',
  'common/dlp-file-external-view',
  'common/dlp-file-org-wide',
] as const;

export type MicrosoftOracleRuleId = (typeof microsoftOracleRuleIds)[number];

/** Rules whose evidence needs an Entra ID P1/P2 tenant (registration reports, signInActivity). */
export const PREMIUM_RULES: readonly MicrosoftOracleRuleId[] = [
  'microsoft-365/admin-without-mfa',
  'microsoft-365/user-without-mfa',
  'microsoft-365/inactive-admin',
  'microsoft-365/inactive-user',
];

/** Rules on SharePoint's SPO.Tenant settings (read only when the scanner reaches SharePoint REST). */
export const SPO_TENANT_RULES: readonly MicrosoftOracleRuleId[] = [
  'microsoft-365/sharepoint-default-link-not-specific-people',
  'microsoft-365/sharepoint-default-link-permission-edit',
  'microsoft-365/sharepoint-anyone-link-expiry',
];

/** A (rule, asset) pair: a finding the oracle derives, or one a look-alike must not produce. */
export interface MicrosoftPlanted {
  ruleId: MicrosoftOracleRuleId;
  assetKey: string;
}
