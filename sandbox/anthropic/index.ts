export {
  type AnthropicRuleId,
  anthropicAssetKey,
  anthropicRuleIds,
  DEFAULT_WORKSPACE_SCOPE,
} from './asset-keys.ts';
export type { Throttle as AnthropicThrottle } from './dispatch.ts';
export { type AnthropicOrgSize, type GenerateAnthropicOrgOptions, generateAnthropicOrg } from './generate.ts';
export { type AnthropicOraclePolicy, findAnthropicViolations } from './oracle.ts';
export {
  type AnthropicSimulator,
  type AnthropicSimulatorOptions,
  startAnthropicSimulator,
} from './simulator.ts';
export type { AnthropicApiVersion, AnthropicOrg, Planted as AnthropicPlanted } from './types.ts';
