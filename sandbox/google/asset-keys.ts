/**
 * Asset keys and rule ids the Google simulator's oracle and planted list speak, per the
 * connector contract (connectors/google-workspace/MODEL.md): `google-workspace:<kind>:<externalId>`.
 */

export const googleAssetKey = {
  identity: (userId: string) => `google-workspace:identity:${userId}`,
  app: (clientId: string) => `google-workspace:app:${clientId}`,
  grant: (userId: string, clientId: string) => `google-workspace:oauth_grant:${userId}:${clientId}`,
  file: (fileId: string) => `google-workspace:file:${fileId}`,
  /** The fixed setting key rules/google-workspace/super-admin-count.ts hangs its finding on. */
  superAdmins: () => 'google-workspace:setting:customer:super-admins',
  geminiUser: (userId: string) => `google-workspace:setting:gemini-user:${userId}`,
  geminiLicense: (userId: string, productId: string) =>
    `google-workspace:setting:gemini-license:${userId}:${productId}`,
};

/** Every rule the oracle derives (the Policy API settings rules are not among them). */
export const googleOracleRuleIds = [
  'google-workspace/admin-without-2sv',
  'google-workspace/user-without-2sv',
  'google-workspace/super-admin-count',
  'google-workspace/inactive-admin',
  'google-workspace/inactive-user',
  'google-workspace/suspended-user-holds-grants',
  'google-workspace/app-drive-or-gmail-access',
  'google-workspace/app-docs-calendar-access',
  'google-workspace/app-sign-in-only',
  'common/shadow-ai-grant-unapproved',
  'common/file-public-edit',
  'common/file-public-view',
  'common/file-external-edit',
  'common/file-external-view',
  'common/file-domain-edit',
  'common/file-domain-view',
  'google-workspace/file-shared-to-personal-account',
  'google-workspace/file-external-share-without-expiry',
  'common/dlp-file-public-edit',
  'common/dlp-file-public-view',
  'common/dlp-file-external-edit',
  'common/dlp-file-external-view',
  'common/dlp-file-org-wide',
  'google-workspace/gemini-user-without-2sv',
  'google-workspace/gemini-licensed-admin-without-2sv',
  'google-workspace/gemini-licensed-user-without-2sv',
  'google-workspace/gemini-license-on-suspended-user',
] as const;

export type GoogleOracleRuleId = (typeof googleOracleRuleIds)[number];

/** A (rule, asset) pair: a finding the oracle derives, or one a look-alike must not produce. */
export interface GooglePlanted {
  ruleId: GoogleOracleRuleId;
  assetKey: string;
}
