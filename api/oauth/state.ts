/**
 * The `state` of a connect flow: a signed, expiring token naming the flow (a nonce), the tenant,
 * the provider and the API token that started it. `payload.signature`, both base64url; the
 * signature is HMAC-SHA256 with the server secret. It carries no secret: the PKCE verifier and
 * the rest of the flow stay on the server (pending.ts), found by the nonce.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { type ConnectProvider, connectProviders } from './providers.ts';

/** A state is good for ten minutes. */
export const stateLifetimeMs = 10 * 60_000;

export const StatePayload = z.strictObject({
  /** The flow (pending.ts key). */
  n: z.string().min(16).max(64),
  /** Tenant id. */
  t: z.uuid(),
  p: z.enum(connectProviders),
  /** Id of the API token that started the flow. */
  k: z.uuid(),
  /** Expiry, ms since the epoch. */
  e: z.number().int().positive(),
});
export type StatePayload = z.infer<typeof StatePayload>;

function mac(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(`periscope-connect-state.${payload}`).digest();
}

export function signState(secret: Buffer, payload: StatePayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

function rejected(reason: string, message: string): ApiError {
  return new ApiError('invalid_request', `connect state rejected: ${message}`, { reason });
}

/**
 * The payload of a state this server signed, for this provider, not expired. Throws
 * invalid_request with details.reason: state_forged, state_expired or state_wrong_provider.
 */
export function verifyState(
  secret: Buffer,
  state: string,
  provider: ConnectProvider,
  now = Date.now(),
): StatePayload {
  const [body, signature, extra] = state.split('.');
  if (!body || !signature || extra !== undefined)
    throw rejected('state_forged', 'not a state this server issued');
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw rejected('state_forged', 'its signature does not match');
  let payload: StatePayload;
  try {
    payload = StatePayload.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    throw rejected('state_forged', 'its content is malformed');
  }
  if (payload.e <= now) throw rejected('state_expired', 'it expired; start the connect flow again');
  if (payload.p !== provider)
    throw rejected('state_wrong_provider', `it was issued for ${payload.p}, not ${provider}`);
  return payload;
}
