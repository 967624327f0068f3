export { AI_APP_CLIENT_IDS, PLANTED_APPS } from './apps.ts';
export {
  type GoogleOracleRuleId,
  type GooglePlanted,
  googleAssetKey,
  googleOracleRuleIds,
} from './asset-keys.ts';
export {
  DEFAULT_DELEGATED_SCOPES,
  GOOGLE_TOKEN_AUDIENCE,
  type ServiceAccountKey,
  type WebClient,
} from './auth.ts';
export { CLEAN_CONTROL_CONTENT, plantedContentMatches } from './dlp-content.ts';
export {
  type Activity,
  type ActivityEvent,
  type EventLog,
  type GeminiUse,
  REPORT_APPLICATIONS,
  type ReportApplication,
} from './events.ts';
export { fileIdOf, MIME } from './file-store.ts';
export {
  type GenerateGoogleTenantOptions,
  type GoogleTenantSize,
  generateGoogleTenant,
  NEVER_LOGGED_IN,
  OAUTH_APPS,
} from './generate.ts';
export {
  GEMINI_LICENSE_PRODUCT_IDS,
  GEMINI_LICENSE_SKUS,
  isGeminiLicense,
  LICENSE_CATALOG,
  type LicenseSku,
  WORKSPACE_SKUS,
} from './licenses.ts';
export type { GoogleMutations } from './mutate.ts';
export {
  CONSUMER_DOMAINS,
  type Exposure,
  fileExposure,
  findGoogleViolations,
  type GoogleOracleOptions,
} from './oracle.ts';
export { GOOGLE_PERSONAS, type GooglePlantedSet } from './plant.ts';
export {
  findGoogleSettingViolations,
  googleSettingAssetKey,
  ORG_UNIT_IDS,
  POLICY_GROUP_ID,
  ROOT_ORG_UNIT_ID,
  SETTINGS_RULE_IDS,
} from './policies.ts';
export type { GoogleQuota, GoogleQuotaOptions } from './quota.ts';
export { LICENSING_SCOPE } from './routes-licensing.ts';
export { REPORTS_SCOPE } from './routes-reports.ts';
export { type GoogleSimulator, type GoogleSimulatorOptions, startGoogleSimulator } from './simulator.ts';
export type * from './types.ts';
