export { type GitHubRuleId, githubAssetKey, githubRuleIds } from './asset-keys.ts';
export { type GenerateGitHubTenantOptions, type GitHubTenantSize, generateGitHubTenant } from './generate.ts';
export type { GitHubMutations } from './mutate.ts';
export { findGitHubViolations } from './oracle.ts';
export { type GitHubSimulator, type GitHubSimulatorOptions, startGitHubSimulator } from './simulator.ts';
export type * from './types.ts';
