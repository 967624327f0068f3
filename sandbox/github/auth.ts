/**
 * Who is calling: a classic PAT (org owner or plain member), an installation token minted by
 * `POST /app/installations/{id}/access_tokens`, or an App JWT (RS256, signed with the App's
 * private key). Both `token` and `bearer` schemes are accepted, case-insensitively, as GitHub
 * does; Octokit's auth-app sends `bearer <JWT>` for App routes and `token <ghs_…>` otherwise.
 */
import { createPublicKey, generateKeyPair, type KeyObject, verify } from 'node:crypto';
import { promisify } from 'node:util';
import { ALPHANUMERIC, type Random } from '../random.ts';
import { errorReply, type Reply } from './rest.ts';

export type Identity =
  | { kind: 'user'; login: string; id: number; owner: boolean; rateKey: string }
  | { kind: 'installation'; installationId: number; rateKey: string }
  | { kind: 'app'; appId: number; rateKey: string };

export interface AppKeys {
  privateKeyPem: string;
  publicKey: KeyObject;
}

let appKeys: Promise<AppKeys> | undefined;

/** One RSA key pair per process: generating 2048-bit keys costs ~100 ms, tests start many simulators. */
export function sharedAppKeys(): Promise<AppKeys> {
  appKeys ??= promisify(generateKeyPair)('rsa', { modulusLength: 2048 }).then(
    ({ privateKey, publicKey }) => ({
      // PKCS#1, the format GitHub hands out in the App's .pem download.
      privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
      publicKey: createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })),
    }),
  );
  return appKeys;
}

const JWT_MAX_LIFETIME = 600;
const CLOCK_SLACK = 60;

export interface AuthOptions {
  random: Random;
  appId: number;
  installationId: number;
  keys: AppKeys;
  owner: { login: string; id: number };
  member: { login: string; id: number };
}

export interface GitHubAuth {
  /** Classic PAT of an org owner. */
  ownerToken: string;
  /** Classic PAT of a plain member (owner-only features are refused). */
  memberToken: string;
  authenticate(authorization: string | undefined): Identity | Reply;
  mintInstallationToken(installationId: number): { token: string; expires_at: string };
  /** Makes every token issued so far invalid (simulates revocation / expiry). */
  revokeInstallationTokens(): void;
}

const unauthorized = (message = 'Bad credentials') => errorReply(401, message);

function verifyAppJwt(jwt: string, options: AuthOptions): Identity | Reply {
  const [head, payload, signature] = jwt.split('.');
  if (!head || !payload || !signature) return unauthorized('A JSON web token could not be decoded');
  let header: { alg?: string };
  let claims: { iss?: unknown; iat?: unknown; exp?: unknown };
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return unauthorized('A JSON web token could not be decoded');
  }
  const signed = Buffer.from(`${head}.${payload}`);
  if (
    header.alg !== 'RS256' ||
    !verify('sha256', signed, options.keys.publicKey, Buffer.from(signature, 'base64url'))
  ) {
    return unauthorized('A JSON web token could not be decoded');
  }
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp, iss } = claims;
  if (typeof iat !== 'number' || iat > now + CLOCK_SLACK) {
    return unauthorized(
      "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.",
    );
  }
  if (typeof exp !== 'number' || exp <= now) {
    return unauthorized(
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.",
    );
  }
  if (exp - iat > JWT_MAX_LIFETIME + CLOCK_SLACK) {
    return unauthorized("'Expiration time' claim ('exp') is too far in the future.");
  }
  if (String(iss) !== String(options.appId)) return unauthorized('Integration not found');
  return { kind: 'app', appId: options.appId, rateKey: `app:${options.appId}` };
}

export function createGitHubAuth(options: AuthOptions): GitHubAuth {
  const { random } = options;
  const ownerToken = `ghp_${random.token(36, ALPHANUMERIC)}`;
  const memberToken = `ghp_${random.token(36, ALPHANUMERIC)}`;
  let installationTokens = new Map<string, { installationId: number; expiresAt: number }>();
  let minted = 0;

  return {
    ownerToken,
    memberToken,
    authenticate(authorization) {
      if (!authorization) return unauthorized('Requires authentication');
      const match = /^(token|bearer)\s+(\S+)$/i.exec(authorization.trim());
      if (!match) return unauthorized();
      const credential = match[2] as string;
      if (credential === ownerToken)
        return { kind: 'user', ...options.owner, owner: true, rateKey: `user:${options.owner.id}` };
      if (credential === memberToken)
        return { kind: 'user', ...options.member, owner: false, rateKey: `user:${options.member.id}` };
      const installation = installationTokens.get(credential);
      if (installation) {
        if (installation.expiresAt <= Date.now()) return unauthorized();
        return {
          kind: 'installation',
          installationId: installation.installationId,
          rateKey: `installation:${installation.installationId}`,
        };
      }
      if (credential.startsWith('eyJ') && credential.split('.').length === 3)
        return verifyAppJwt(credential, options);
      return unauthorized();
    },
    mintInstallationToken(installationId) {
      minted += 1;
      // GitHub is moving to stateless `ghs_<appId>_<jwt>` tokens: clients must not assume 40 chars.
      const token =
        minted % 2 === 1
          ? `ghs_${random.token(36, ALPHANUMERIC)}`
          : `ghs_${options.appId}_${random.token(72, `${ALPHANUMERIC}-_`)}`;
      const expiresAt = Date.now() + 3600_000;
      installationTokens.set(token, { installationId, expiresAt });
      return { token, expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    },
    revokeInstallationTokens() {
      installationTokens = new Map();
    },
  };
}
