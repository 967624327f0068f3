import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { PeriscopeError } from '../scanner/errors.ts';
import type { Database } from './client.ts';
import { type RuleRun, type StreamRun, scans } from './schema.ts';

export type Scan = typeof scans.$inferSelect;
export type ScanStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
export const activeStatuses: ScanStatus[] = ['queued', 'running'];

/**
 * Creates a queued scan, or returns the one already queued or running for this connection: the
 * partial unique index makes that true across every process sharing the database.
 */
export async function createOrGetActiveScan(
  db: Database,
  tenantId: string,
  connectionId: string,
  trigger = 'manual',
): Promise<{ scan: Scan; created: boolean }> {
  const [row] = await db
    .insert(scans)
    .values({ tenantId, connectionId, trigger, status: 'queued' })
    .onConflictDoNothing()
    .returning();
  if (row) return { scan: row, created: true };
  const [active] = await db
    .select()
    .from(scans)
    .where(and(eq(scans.connectionId, connectionId), inArray(scans.status, activeStatuses)));
  if (!active) return createOrGetActiveScan(db, tenantId, connectionId, trigger); // it just finished
  return { scan: active, created: false };
}

export async function getScan(db: Database, tenantId: string, id: string): Promise<Scan> {
  const [row] = await db
    .select()
    .from(scans)
    .where(and(eq(scans.tenantId, tenantId), eq(scans.id, id)));
  if (!row) throw new PeriscopeError('not_found', `no scan ${id} in this tenant`);
  return row;
}

/** For the queue processor, which only has the id from the job payload. */
export async function getScanById(db: Database, id: string): Promise<Scan | undefined> {
  const [row] = await db.select().from(scans).where(eq(scans.id, id));
  return row;
}

export async function listScans(db: Database, tenantId: string, limit = 50): Promise<Scan[]> {
  return db
    .select()
    .from(scans)
    .where(eq(scans.tenantId, tenantId))
    .orderBy(desc(scans.createdAt))
    .limit(limit);
}

export async function latestScan(
  db: Database,
  tenantId: string,
  connectionId: string,
): Promise<Scan | undefined> {
  const [row] = await db
    .select()
    .from(scans)
    .where(and(eq(scans.tenantId, tenantId), eq(scans.connectionId, connectionId)))
    .orderBy(desc(scans.createdAt))
    .limit(1);
  return row;
}

export type ScanPatch = Partial<{
  status: ScanStatus;
  streams: Record<string, StreamRun>;
  rules: Record<string, RuleRun>;
  counts: Record<string, number>;
  httpCalls: number;
  httpStats: Record<string, unknown>;
  attempts: number;
  error: { code: string; message: string } | null;
  startedAt: Date;
  finishedAt: Date;
}>;

export async function updateScan(db: Database, id: string, patch: ScanPatch): Promise<void> {
  await db.update(scans).set(patch).where(eq(scans.id, id));
}

/**
 * Asks a running scan to stop: the process running it sees the mark at its next poll
 * (scanner/queue/cancel-watch.ts). Undefined when the scan is not running (any more).
 */
export async function requestScanCancel(
  db: Database,
  tenantId: string,
  id: string,
): Promise<Scan | undefined> {
  const [row] = await db
    .update(scans)
    .set({ cancelRequestedAt: sql`coalesce(${scans.cancelRequestedAt}, now())` })
    .where(and(eq(scans.tenantId, tenantId), eq(scans.id, id), eq(scans.status, 'running')))
    .returning();
  return row;
}

/** For the runner, which has only the id. */
export async function isCancelRequested(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: scans.id })
    .from(scans)
    .where(and(eq(scans.id, id), isNotNull(scans.cancelRequestedAt)));
  return row !== undefined;
}
