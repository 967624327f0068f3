/**
 * The outbox's ordering guarantee. SIEM export reads a tenant's finding_events after a cursor in
 * id order, so an id must never become visible after a larger one of the same tenant did: that
 * event would be skipped forever. Ids come from a sequence at insert time, not at commit, so two
 * concurrent transactions could commit out of order. Every transaction that appends events takes
 * this per-tenant lock first (before touching any finding, so lock order is always the same and
 * cannot deadlock); it is held to commit, which makes id order the commit order per tenant.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

export async function lockTenantOutbox(tx: Pick<Database, 'execute'>, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`finding_events:${tenantId}`}, 0))`);
}
