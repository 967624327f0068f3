/**
 * Connect flows waiting for their callback, by nonce: who started them and what the callback
 * needs that must not travel through the browser (the PKCE verifier). Kept in the database
 * (oauth_flows), so the callback may reach any API process sharing it. Only sha256 of the nonce
 * is stored and the verifier is sealed: a reader of the table cannot finish a flow. A flow is
 * taken exactly once (one DELETE … RETURNING); an expired one is never returned.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { oauthFlows } from '../../db/schema.ts';
import type { SecretBox } from '../../runtime/secrets.ts';
import { ApiError } from '../errors.ts';
import type { ConnectProvider } from './providers.ts';

export interface PendingFlow {
  tenantId: string;
  provider: ConnectProvider;
  tokenId: string;
  /** ms since the epoch. */
  expiresAt: number;
  /** Google: the PKCE verifier. */
  codeVerifier?: string;
  /** Google: the admin who consents; GitHub: the org the App must be installed on. */
  account?: string;
}

export interface PendingFlows {
  /** Stores a flow and returns its new nonce; refused when the tenant holds too many. */
  add(flow: PendingFlow): Promise<string>;
  /** The flow, removed; undefined when unknown, already taken or expired. */
  take(nonce: string): Promise<PendingFlow | undefined>;
}

/**
 * Flows one tenant may have waiting at once. Each lives ten minutes; a tenant starting more is
 * a script gone wrong, and the table must not grow without bound.
 * @defaultValue 50
 */
export const defaultMaxPendingPerTenant = 50;

export function hashNonce(nonce: string): string {
  return createHash('sha256').update(nonce).digest('hex');
}

export function pendingFlows(
  db: Database,
  box: SecretBox,
  options: { maxPerTenant?: number } = {},
): PendingFlows {
  const maxPerTenant = options.maxPerTenant ?? defaultMaxPendingPerTenant;
  return {
    async add(flow) {
      // Expired flows can never be taken: clear them here rather than with a timer.
      await db.delete(oauthFlows).where(lte(oauthFlows.expiresAt, sql`now()`));
      const waiting = await db
        .select({ expiresAt: oauthFlows.expiresAt })
        .from(oauthFlows)
        .where(eq(oauthFlows.tenantId, flow.tenantId))
        .orderBy(asc(oauthFlows.expiresAt))
        .limit(maxPerTenant);
      // A soft cap: two concurrent starts may both pass it, which is harmless.
      if (waiting.length >= maxPerTenant) {
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil((waiting[0]!.expiresAt.getTime() - Date.now()) / 1000),
        );
        throw new ApiError(
          'rate_limited',
          `this tenant already has ${maxPerTenant} connect flows waiting for their callback; finish one or retry in ${retryAfterSeconds} s`,
          { limit: maxPerTenant, retryAfterSeconds },
        );
      }
      const nonce = randomBytes(24).toString('base64url');
      await db.insert(oauthFlows).values({
        nonceHash: hashNonce(nonce),
        tenantId: flow.tenantId,
        provider: flow.provider,
        tokenId: flow.tokenId,
        codeVerifierSealed: flow.codeVerifier === undefined ? null : box.seal(flow.codeVerifier),
        account: flow.account ?? null,
        expiresAt: new Date(flow.expiresAt),
      });
      return nonce;
    },
    async take(nonce) {
      const [row] = await db
        .delete(oauthFlows)
        .where(and(eq(oauthFlows.nonceHash, hashNonce(nonce)), gt(oauthFlows.expiresAt, sql`now()`)))
        .returning();
      if (!row) return undefined;
      return {
        tenantId: row.tenantId,
        provider: row.provider as ConnectProvider,
        tokenId: row.tokenId,
        expiresAt: row.expiresAt.getTime(),
        ...(row.codeVerifierSealed ? { codeVerifier: box.open<string>(row.codeVerifierSealed) } : {}),
        ...(row.account !== null ? { account: row.account } : {}),
      };
    },
  };
}
