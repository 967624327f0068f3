export { type GenerateOpenAIOptions, generateOpenAIOrg, type OpenAIOrgSize } from './generate.ts';
export { redactedValue as openaiRedactedValue } from './ids.ts';
export { findOpenAIViolations, type OpenAIFinding, type OpenAIOracleOptions } from './oracle.ts';
export { type OpenAISimulator, type OpenAISimulatorOptions, startOpenAISimulator } from './simulator.ts';
export type {
  ForcedThrottle as OpenAIForcedThrottle,
  ForcedThrottleSpec as OpenAIForcedThrottleSpec,
  OpenAIThrottle,
} from './throttle.ts';
export {
  ADMIN_SCOPES as OPENAI_ADMIN_SCOPES,
  type AdminScope as OpenAIAdminScope,
  type OpenAIOrg,
} from './types.ts';
