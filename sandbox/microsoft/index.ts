export { AI_APP_IDS, PLANTED_APPS as MICROSOFT_PLANTED_APPS, type PlantedApp, type SpDraft } from './apps.ts';
export {
  type MicrosoftOracleRuleId,
  type MicrosoftPlanted,
  microsoftAssetKey,
  microsoftOracleRuleIds,
  PREMIUM_RULES,
  SPO_TENANT_RULES,
} from './asset-keys.ts';
export type { AccessGrant, MicrosoftAuthState, ScannerCertificate, ScannerCredentials } from './auth.ts';
export { MAX_BATCH_STEPS } from './batch.ts';
export {
  APP_ROLE_POOL,
  DEFAULT_GRAPH_ROLES,
  DEFAULT_SHAREPOINT_ROLES,
  DELEGATED_SCOPE_POOLS,
  EXCHANGE_APP_ID,
  FIRST_PARTY_APPS,
  GRAPH_APP_ID,
  GRAPH_APP_ROLES,
  isPrivilegedAppRole,
  MICROSOFT_SERVICES_TENANT,
  ROLE_TEMPLATES,
  SHAREPOINT_APP_ID,
} from './catalog.ts';
export { graphFaultBody } from './dispatch.ts';
export { NO_EXPIRY } from './drive-view.ts';
export {
  type GenerateMicrosoftTenantOptions,
  GUEST_DOMAINS,
  generateMicrosoftTenant,
  type MicrosoftTenantSize,
} from './generate.ts';
export { itemIdOf, parseItemId, rootIdOf } from './ids.ts';
export {
  type Exposure as MicrosoftExposure,
  type ItemExposure,
  itemExposure,
  permissionsOf,
} from './item-access.ts';
export { EXTERNAL_EMAILS, itemIndexOf, MIME as MICROSOFT_MIME } from './item-store.ts';
export type { MicrosoftMutations, NewItem, SharePermission } from './mutate.ts';
export { fileBytes } from './ooxml.ts';
export {
  applicationScopes,
  findMicrosoftViolations,
  isHighRisk,
  isThirdParty,
  lastLoginOf,
  type MicrosoftOracleOptions,
} from './oracle.ts';
export { GUEST_PERSONAS, MEMBER_PERSONAS, PARTNER_DOMAIN, type Persona } from './personas.ts';
export type { MicrosoftPlantedSet } from './plant.ts';
export { SCANNER_APP } from './scanner-app.ts';
export {
  type MicrosoftSimulator,
  type MicrosoftSimulatorOptions,
  startMicrosoftSimulator,
} from './simulator.ts';
export { SHARING_CAPABILITY_NUMBERS } from './spo.ts';
export {
  budgetFor,
  type ForcedThrottle,
  type ForcedThrottleSpec,
  type MicrosoftThrottle,
  type MicrosoftThrottleOptions,
  resourceUnitCost,
} from './throttle.ts';
export type * from './types.ts';
