export { API_KEYS_SCOPES, DEFAULT_PERMISSIONS as GEMINI_DEFAULT_PERMISSIONS } from './auth.ts';
export { GEMINI_SERVICE, type GeminiTenantSize, generateGeminiTenant } from './generate.ts';
export {
  findGeminiViolations,
  type GeminiOracleOptions,
  type GeminiOracleRuleId,
  type GeminiViolation,
  geminiAssetKey,
  geminiOracleRuleIds,
} from './oracle.ts';
export { type GeminiSimulator, type GeminiSimulatorOptions, startGeminiSimulator } from './simulator.ts';
export type { GeminiThrottle, GeminiThrottleOptions } from './throttle.ts';
export type {
  CloudApiKey as GeminiCloudApiKey,
  GeminiFile,
  GeminiPlantedSet,
  GeminiTenant,
} from './types.ts';
