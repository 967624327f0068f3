/** Scans page by page for the API (newest first), and cancelling a queued scan. */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { PeriscopeError } from '../scanner/errors.ts';
import type { Database } from './client.ts';
import { getScan, type Scan, type ScanStatus } from './scans.ts';
import { scans } from './schema.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listScanPage(
  db: Database,
  tenantId: string,
  filter: { connectionId?: string; status?: ScanStatus[] },
  page: { limit: number; after?: string },
): Promise<{ rows: Scan[]; hasMore: boolean }> {
  const where: SQL[] = [eq(scans.tenantId, tenantId)];
  if (filter.connectionId)
    where.push(
      uuidPattern.test(filter.connectionId) ? eq(scans.connectionId, filter.connectionId) : sql`false`,
    );
  if (filter.status?.length) where.push(inArray(scans.status, filter.status));
  if (page.after) {
    // Read from the row itself: created_at has microseconds a JavaScript Date would lose.
    where.push(
      uuidPattern.test(page.after)
        ? sql`(${scans.createdAt}, ${scans.id}) < (select s.created_at, s.id from scans s
               where s.tenant_id = ${tenantId} and s.id = ${page.after})`
        : sql`false`,
    );
  }
  const rows = await db
    .select()
    .from(scans)
    .where(and(...where))
    .orderBy(desc(scans.createdAt), desc(scans.id))
    .limit(page.limit + 1);
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

/**
 * Cancels a scan that has not started: the queue's processor skips scans that are no longer
 * queued. A running scan is not stopped from here (its worker may be another process): the
 * result says whether the scan is now cancelled, and the scan as it is.
 */
export async function cancelQueuedScan(
  db: Database,
  tenantId: string,
  id: string,
  now = new Date(),
): Promise<{ scan: Scan; cancelled: boolean }> {
  if (!uuidPattern.test(id)) throw new PeriscopeError('not_found', `no scan ${id} in this tenant`);
  const [cancelled] = await db
    .update(scans)
    .set({
      status: 'cancelled',
      finishedAt: now,
      error: { code: 'cancelled', message: 'cancelled before it started' },
    })
    .where(and(eq(scans.tenantId, tenantId), eq(scans.id, id), eq(scans.status, 'queued')))
    .returning();
  if (cancelled) return { scan: cancelled, cancelled: true };
  const current = await getScan(db, tenantId, id);
  return { scan: current, cancelled: current.status === 'cancelled' };
}
