/**
 * `POST /token` and `GET /o/oauth2/v2/auth`. OAuth errors here are flat
 * `{"error","error_description"}` bodies, not the API envelope: that is what google-auth-library
 * parses, and the statuses (400 invalid_grant, 401 unauthorized_client) are Google's.
 */
import { createHash, randomBytes, verify } from 'node:crypto';
import { GOOGLE_TOKEN_AUDIENCE, type GoogleAuthState } from './auth.ts';
import type { GoogleReply } from './wire.ts';

const oauthError = (status: number, error: string, description: string): GoogleReply => ({
  status,
  body: { error, error_description: description },
});

const CLOCK_SLACK = 300;

function decodeJwt(assertion: string, auth: GoogleAuthState) {
  const parts = assertion.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const valid = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    auth.publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function jwtBearer(form: URLSearchParams, auth: GoogleAuthState, tokenUrl: string): GoogleReply {
  const claims = decodeJwt(form.get('assertion') ?? '', auth);
  if (!claims) return oauthError(400, 'invalid_grant', 'Invalid JWT Signature.');
  if (claims.iss !== auth.serviceAccount.client_email) {
    return oauthError(401, 'invalid_client', 'The OAuth client was not found.');
  }
  // gtoken always signs the production audience even when the call is redirected here.
  if (claims.aud !== GOOGLE_TOKEN_AUDIENCE && claims.aud !== tokenUrl) {
    return oauthError(
      400,
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.',
    );
  }
  const nowSec = Date.now() / 1000;
  const exp = Number(claims.exp);
  const iat = Number(claims.iat);
  if (!(exp > nowSec - CLOCK_SLACK) || !(iat < nowSec + CLOCK_SLACK) || exp - iat > 3600) {
    return oauthError(
      400,
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.',
    );
  }
  const scopes = String(claims.scope ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (scopes.length === 0) return oauthError(400, 'invalid_scope', 'Empty or missing scope not allowed.');
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  let subject: ReturnType<GoogleAuthState['findUser']>;
  if (sub !== undefined) {
    subject = auth.findUser(sub);
    if (!subject || subject.suspended) return oauthError(400, 'invalid_grant', 'Invalid email or User ID');
    // Impersonation needs every requested scope in the DWD grant for this client id.
    if (!scopes.every((scope) => auth.delegatedScopes.has(scope))) {
      return oauthError(
        401,
        'unauthorized_client',
        'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      );
    }
  }
  const { token, expiresIn } = auth.issue({
    subject,
    scopes: new Set(scopes),
    clientId: auth.serviceAccount.client_id,
  });
  return { status: 200, body: { access_token: token, expires_in: expiresIn, token_type: 'Bearer' } };
}

function checkClient(form: URLSearchParams, auth: GoogleAuthState, basic: string | undefined): boolean {
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  const match = /^Basic\s+(\S+)$/i.exec(basic ?? '');
  if (match) {
    const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
    [id, secret] = decoded.split(':') as [string, string];
  }
  return id === auth.webClient.clientId && secret === auth.webClient.clientSecret;
}

function pkceOk(verifier: string | null, challenge?: string, method?: string): boolean {
  if (!challenge) return true;
  if (!verifier) return false;
  const derived = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return derived === challenge;
}

function authorizationCode(form: URLSearchParams, auth: GoogleAuthState): GoogleReply {
  const code = auth.codes.get(form.get('code') ?? '');
  auth.codes.delete(form.get('code') ?? ''); // single use, even when the exchange fails
  if (!code || code.clientId !== form.get('client_id') || code.redirectUri !== form.get('redirect_uri')) {
    return oauthError(400, 'invalid_grant', 'Malformed auth code.');
  }
  if (!pkceOk(form.get('code_verifier'), code.codeChallenge, code.codeChallengeMethod)) {
    return oauthError(400, 'invalid_grant', 'Invalid code verifier.');
  }
  const issued = auth.issue({ subject: code.user, scopes: new Set(code.scopes), clientId: code.clientId });
  const body: Record<string, unknown> = {
    access_token: issued.token,
    expires_in: issued.expiresIn,
    scope: code.scopes.join(' '),
    token_type: 'Bearer',
  };
  if (code.offline) {
    const refresh = `1//sim-${randomBytes(24).toString('base64url')}`;
    auth.refreshTokens.set(refresh, { user: code.user, scopes: code.scopes, clientId: code.clientId });
    body.refresh_token = refresh;
  }
  return { status: 200, body };
}

function refreshToken(form: URLSearchParams, auth: GoogleAuthState): GoogleReply {
  const stored = auth.refreshTokens.get(form.get('refresh_token') ?? '');
  if (!stored || stored.user.suspended)
    return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
  const issued = auth.issue({
    subject: stored.user,
    scopes: new Set(stored.scopes),
    clientId: stored.clientId,
  });
  return {
    status: 200,
    body: {
      access_token: issued.token,
      expires_in: issued.expiresIn,
      scope: stored.scopes.join(' '),
      token_type: 'Bearer',
    },
  };
}

export function tokenEndpoint(
  form: URLSearchParams,
  auth: GoogleAuthState,
  tokenUrl: string,
  authorization: string | undefined,
): GoogleReply {
  const grantType = form.get('grant_type');
  if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') return jwtBearer(form, auth, tokenUrl);
  if (grantType === 'authorization_code' || grantType === 'refresh_token') {
    if (!checkClient(form, auth, authorization)) return oauthError(401, 'invalid_client', 'Unauthorized');
    return grantType === 'authorization_code' ? authorizationCode(form, auth) : refreshToken(form, auth);
  }
  return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
}

/**
 * The consent answer: the user is `login_hint` (default: the super admin), and the browser is
 * sent back to `redirect_uri` with a code, as after a real consent, or with access_denied when
 * the consent page's Cancel was pressed (`consent=deny`). Without the page (not a browser), consent
 * is given at once.
 */
export function authorizeEndpoint(query: URLSearchParams, auth: GoogleAuthState, admin: string): GoogleReply {
  const redirectUri = query.get('redirect_uri');
  if (query.get('client_id') !== auth.webClient.clientId || !redirectUri) {
    return { status: 400, raw: { contentType: 'text/plain', data: 'Error 401: invalid_client' } };
  }
  const target = new URL(redirectUri);
  const state = query.get('state');
  if (state !== null) target.searchParams.set('state', state);
  const user = auth.findUser(query.get('login_hint') ?? admin);
  if (!user || user.suspended || query.get('consent') === 'deny') {
    target.searchParams.set('error', 'access_denied');
    return { status: 302, headers: { location: target.toString() } };
  }
  const scopes = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const code = `4/0Sim${randomBytes(16).toString('base64url')}`;
  auth.codes.set(code, {
    user,
    scopes,
    clientId: auth.webClient.clientId,
    redirectUri,
    codeChallenge: query.get('code_challenge') ?? undefined,
    codeChallengeMethod: query.get('code_challenge_method') ?? undefined,
    offline: query.get('access_type') === 'offline',
  });
  target.searchParams.set('code', code);
  target.searchParams.set('scope', scopes.join(' '));
  return { status: 302, headers: { location: target.toString() } };
}
