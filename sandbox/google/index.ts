export {
  DEFAULT_DELEGATED_SCOPES,
  GOOGLE_TOKEN_AUDIENCE,
  type ServiceAccountKey,
  type WebClient,
} from './auth.ts';
export { fileIdOf, MIME } from './file-store.ts';
export {
  type GenerateGoogleTenantOptions,
  type GoogleTenantSize,
  generateGoogleTenant,
  NEVER_LOGGED_IN,
  OAUTH_APPS,
} from './generate.ts';
export type { GoogleMutations } from './mutate.ts';
export { type GoogleSimulator, type GoogleSimulatorOptions, startGoogleSimulator } from './simulator.ts';
export type * from './types.ts';
