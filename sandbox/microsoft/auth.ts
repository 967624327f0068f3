/**
 * Microsoft identity platform state for the simulator: the scanner app's credentials (a client
 * secret, and an RSA key standing in for its certificate), the signing key behind the JWKS, and
 * the access tokens issued — real RS256 JWTs carrying `tid`, `appid`, `appidacr` (1 secret,
 * 2 certificate) and `roles`, the application permissions the scanner's service principal holds
 * on the token's resource when it is issued (as Entra computes them).
 */
import {
  createHash,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  randomBytes,
  randomUUID,
  sign,
} from 'node:crypto';
import { promisify } from 'node:util';
import { GRAPH_APP_ID, SHAREPOINT_APP_ID } from './catalog.ts';
import { SCANNER_APP, scannerRoles } from './scanner-app.ts';
import type { MicrosoftTenant } from './types.ts';

/** Which API a token is for. `origin` (the simulator's own URL as resource) is accepted by both. */
export type TokenResource = 'graph' | 'sharepoint' | 'origin';

export interface AccessGrant {
  appId: string;
  tenantId: string;
  resource: TokenResource;
  /** The token's `roles` claim. */
  roles: Set<string>;
  credential: 'secret' | 'certificate';
  expiresAt: number;
}

export interface ScannerCertificate {
  /** PKCS#8 PEM; msal-node `clientCertificate.privateKey`. */
  privateKeyPem: string;
  /** Hex SHA-256 thumbprint (`clientCertificate.thumbprintSha256`). */
  thumbprintSha256: string;
  /** Hex SHA-1 thumbprint (`clientCertificate.thumbprint`, legacy x5t). */
  thumbprint: string;
  publicKey: KeyObject;
}

export interface ScannerCredentials {
  clientId: string;
  clientSecret: string;
  certificate: ScannerCertificate;
}

interface KeyPair {
  privateKeyPem: string;
  publicKey: KeyObject;
}

const pairs = new Map<string, Promise<KeyPair>>();
/** RSA keys are generated once per process per purpose (~100 ms each; tests start many simulators). */
function rsaKey(purpose: string): Promise<KeyPair> {
  let pair = pairs.get(purpose);
  if (!pair) {
    pair = promisify(generateKeyPair)('rsa', { modulusLength: 2048 }).then(({ privateKey, publicKey }) => ({
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      publicKey: createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })),
    }));
    pairs.set(purpose, pair);
  }
  return pair;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface MicrosoftAuthState {
  scanner: ScannerCredentials;
  /** Admin consent outcome of the next `/adminconsent` visit. Default 'approve'. */
  consentDecision: 'approve' | 'deny';
  /** The permissions admin consent grants (the app registration's configured ones). */
  consentRoles: { graph: readonly string[]; sharepoint: readonly string[] };
  /** Registered reply URLs for admin consent; empty accepts any. */
  redirectUris: string[];
  /** Makes the client secret expired (AADSTS7000222). */
  secretExpired: boolean;
  /** Access token lifetime in seconds. Default 3599. */
  tokenLifetimeSeconds: number;
  signingKid: string;
  jwks(): Record<string, unknown>;
  issue(
    tenant: MicrosoftTenant,
    resource: TokenResource,
    credential: 'secret' | 'certificate',
    audience: string,
  ): string;
  /** The grant of a bearer header; 'expired' for a known token past its lifetime. */
  authenticate(header: string | undefined): AccessGrant | 'expired' | undefined;
  /** Expires every access token issued so far. */
  expireAccessTokens(): void;
}

export async function createMicrosoftAuth(options: {
  consentRoles: { graph: readonly string[]; sharepoint: readonly string[] };
  issuerOrigin: string;
}): Promise<MicrosoftAuthState> {
  const signing = await rsaKey('signing');
  const cert = await rsaKey('scanner-certificate');
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  const signingDer = signing.publicKey.export({ type: 'spki', format: 'der' });
  const signingKid = createHash('sha1').update(signingDer).digest('base64url');
  const tokens = new Map<string, AccessGrant>();
  const jwk = signing.publicKey.export({ format: 'jwk' }) as { n: string; e: string };

  const state: MicrosoftAuthState = {
    scanner: {
      clientId: SCANNER_APP.appId,
      clientSecret: `Sim8Q~${randomBytes(27).toString('base64url').slice(0, 34)}`,
      certificate: {
        privateKeyPem: cert.privateKeyPem,
        thumbprintSha256: createHash('sha256').update(spki).digest('hex').toUpperCase(),
        thumbprint: createHash('sha1').update(spki).digest('hex').toUpperCase(),
        publicKey: cert.publicKey,
      },
    },
    consentDecision: 'approve',
    consentRoles: options.consentRoles,
    redirectUris: [],
    secretExpired: false,
    tokenLifetimeSeconds: 3599,
    signingKid,
    jwks: () => ({
      keys: [{ kty: 'RSA', use: 'sig', kid: signingKid, x5t: signingKid, n: jwk.n, e: jwk.e }],
    }),
    issue(tenant, resource, credential, audience) {
      const graphRoles = scannerRoles(tenant, GRAPH_APP_ID);
      const spRoles = scannerRoles(tenant, SHAREPOINT_APP_ID);
      const roles =
        resource === 'graph'
          ? graphRoles
          : resource === 'sharepoint'
            ? spRoles
            : [...new Set([...graphRoles, ...spRoles])];
      const nowSec = Math.floor(Date.now() / 1000);
      const lifetime = state.tokenLifetimeSeconds;
      const payload = {
        aud: audience,
        iss: `https://sts.windows.net/${tenant.tenantId}/`,
        iat: nowSec,
        nbf: nowSec,
        exp: nowSec + lifetime,
        aio: randomBytes(24).toString('base64url'),
        app_displayname: SCANNER_APP.displayName,
        appid: SCANNER_APP.appId,
        appidacr: credential === 'secret' ? '1' : '2',
        idp: `https://sts.windows.net/${tenant.tenantId}/`,
        idtyp: 'app',
        oid: tenant.servicePrincipals.find((s) => s.appId === SCANNER_APP.appId)?.id,
        roles,
        sub: tenant.servicePrincipals.find((s) => s.appId === SCANNER_APP.appId)?.id,
        tenant_region_scope: 'EU',
        tid: tenant.tenantId,
        uti: randomUUID().replace(/-/g, ''),
        ver: '1.0',
        xms_iss: options.issuerOrigin,
      };
      const header = { typ: 'JWT', alg: 'RS256', x5t: signingKid, kid: signingKid };
      const unsigned = `${b64url(header)}.${b64url(payload)}`;
      const signature = sign('RSA-SHA256', Buffer.from(unsigned), signing.privateKeyPem).toString(
        'base64url',
      );
      const token = `${unsigned}.${signature}`;
      tokens.set(token, {
        appId: SCANNER_APP.appId,
        tenantId: tenant.tenantId,
        resource,
        roles: new Set(roles),
        credential,
        expiresAt: Date.now() + lifetime * 1000,
      });
      return token;
    },
    authenticate(header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      const grant = match ? tokens.get(match[1] as string) : undefined;
      if (!grant) return undefined;
      return grant.expiresAt <= Date.now() ? 'expired' : grant;
    },
    expireAccessTokens() {
      for (const grant of tokens.values()) grant.expiresAt = 0;
    },
  };
  return state;
}
