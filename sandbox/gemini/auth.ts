/**
 * OAuth and IAM for the Cloud side. The token endpoint, the service-account key and the
 * access tokens are the Workspace simulator's (a JWT-bearer grant without `sub`: the service
 * account acts as itself). What the API Keys API adds is IAM: the permissions the service
 * account holds on the scanned project.
 */
import { createGoogleAuth, type GoogleAuthState } from '../google/auth.ts';
import type { GoogleTenant } from '../google/types.ts';

/** OAuth scopes apikeys.googleapis.com accepts for reads. */
export const API_KEYS_SCOPES = [
  'https://www.googleapis.com/auth/cloud-platform',
  'https://www.googleapis.com/auth/cloud-platform.read-only',
  'https://www.googleapis.com/auth/apikeys',
  'https://www.googleapis.com/auth/apikeys.readonly',
] as const;

/** What roles/serviceusage.apiKeysViewer grants, and what the scanner needs. */
export const DEFAULT_PERMISSIONS = ['apikeys.keys.list', 'apikeys.keys.get'];

/** A Cloud project has no Workspace users: no `sub` can ever be impersonated here. */
const NO_USERS = { users: [] } as unknown as GoogleTenant;

export function createCloudAuth(origin: string): Promise<GoogleAuthState> {
  return createGoogleAuth({ tenant: () => NO_USERS, origin, delegatedScopes: [] });
}
