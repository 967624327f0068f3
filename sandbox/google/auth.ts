/**
 * Google OAuth for the simulator: a service-account key (RSA, PKCS#8 like the JSON key files
 * Google issues) with a domain-wide-delegation scope list, the token endpoint's three grants
 * (jwt-bearer, authorization_code, refresh_token) with Google's error bodies, and the access
 * tokens those grants mint, which remember the impersonated subject and the scopes.
 */
import { createPublicKey, generateKeyPair, type KeyObject, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { GoogleTenant, GoogleUser } from './types.ts';

export const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';

export interface ServiceAccountKey {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
}

export interface AccessGrant {
  /** Impersonated (or consenting) user; undefined for a service account acting as itself. */
  subject?: GoogleUser;
  scopes: Set<string>;
  expiresAt: number;
  /** The OAuth client that obtained it (service account client_id or web client id). */
  clientId: string;
}

let keyPair: Promise<{ privateKeyPem: string; publicKey: KeyObject }> | undefined;

/** One key per process: generating RSA keys costs ~100 ms and tests start many simulators. */
export function serviceAccountKeys() {
  keyPair ??= promisify(generateKeyPair)('rsa', { modulusLength: 2048 }).then(
    ({ privateKey, publicKey }) => ({
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      publicKey: createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })),
    }),
  );
  return keyPair;
}

export interface WebClient {
  clientId: string;
  clientSecret: string;
}

interface PendingCode {
  user: GoogleUser;
  scopes: string[];
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  offline: boolean;
}

export interface GoogleAuthState {
  serviceAccount: ServiceAccountKey;
  publicKey: KeyObject;
  /** Scopes granted to the service account under domain-wide delegation (mutable). */
  delegatedScopes: Set<string>;
  webClient: WebClient;
  tokens: Map<string, AccessGrant>;
  codes: Map<string, PendingCode>;
  refreshTokens: Map<string, { user: GoogleUser; scopes: string[]; clientId: string }>;
  /** Issues an access token; `lifetimeSeconds` lets tests create near-expired ones. */
  issue(
    grant: Omit<AccessGrant, 'expiresAt'>,
    lifetimeSeconds?: number,
  ): { token: string; expiresIn: number };
  /** Resolves a bearer header to its grant; undefined when unknown or expired. */
  authenticate(header: string | undefined): AccessGrant | undefined;
  /** Expires every access token (refresh tokens survive). */
  revokeAccessTokens(): void;
  findUser(key: string): GoogleUser | undefined;
}

export const DEFAULT_DELEGATED_SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.user.security',
  'https://www.googleapis.com/auth/admin.reports.audit.readonly',
  'https://www.googleapis.com/auth/drive.metadata.readonly',
  'https://www.googleapis.com/auth/drive.readonly',
  'https://www.googleapis.com/auth/cloud-identity.policies.readonly',
  'https://www.googleapis.com/auth/apps.licensing',
];

export async function createGoogleAuth(options: {
  tenant: () => GoogleTenant;
  origin: string;
  delegatedScopes?: string[];
}): Promise<GoogleAuthState> {
  const keys = await serviceAccountKeys();
  const clientId = '113942846502738215476';
  const serviceAccount: ServiceAccountKey = {
    type: 'service_account',
    project_id: 'periscope-sim',
    private_key_id: randomBytes(20).toString('hex'),
    private_key: keys.privateKeyPem,
    client_email: 'periscope-scanner@periscope-sim.iam.gserviceaccount.com',
    client_id: clientId,
    auth_uri: `${options.origin}/o/oauth2/v2/auth`,
    token_uri: `${options.origin}/token`,
  };
  const tokens = new Map<string, AccessGrant>();
  const findUser = (key: string) => {
    const lower = key.toLowerCase();
    return options.tenant().users.find((u) => u.primaryEmail === lower || u.id === key);
  };
  return {
    serviceAccount,
    publicKey: keys.publicKey,
    delegatedScopes: new Set(options.delegatedScopes ?? DEFAULT_DELEGATED_SCOPES),
    webClient: {
      clientId: '5550001-periscope-web.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-sim-secret',
    },
    tokens,
    codes: new Map(),
    refreshTokens: new Map(),
    issue(grant, lifetimeSeconds = 3599) {
      const token = `ya29.sim-${randomBytes(24).toString('base64url')}`;
      tokens.set(token, { ...grant, expiresAt: Date.now() + lifetimeSeconds * 1000 });
      return { token, expiresIn: lifetimeSeconds };
    },
    authenticate(header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      const grant = match ? tokens.get(match[1] as string) : undefined;
      if (!grant || grant.expiresAt <= Date.now()) return undefined;
      return grant;
    },
    revokeAccessTokens() {
      for (const grant of tokens.values()) grant.expiresAt = 0;
    },
    findUser,
  };
}
