/**
 * How each scan moved the tenant's findings: opened, reopened and resolved counts per scan,
 * read from the finding events the scan wrote (the outbox), for the dashboard's trend.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database } from './client.ts';
import { listScans, type Scan } from './scans.ts';
import { findingEvents } from './schema.ts';

export interface ScanFindingChanges {
  scan: Scan;
  opened: number;
  reopened: number;
  resolved: number;
}

/** The `limit` newest scans of the tenant, oldest first, each with the finding changes it made. */
export async function listScanFindingChanges(
  db: Database,
  tenantId: string,
  limit: number,
): Promise<ScanFindingChanges[]> {
  const scans = (await listScans(db, tenantId, limit)).reverse();
  if (scans.length === 0) return [];
  const rows = await db
    .select({ scanId: findingEvents.scanId, type: findingEvents.type, n: count() })
    .from(findingEvents)
    .where(
      and(
        eq(findingEvents.tenantId, tenantId),
        inArray(
          findingEvents.scanId,
          scans.map((s) => s.id),
        ),
        inArray(findingEvents.type, ['opened', 'reopened', 'resolved']),
      ),
    )
    .groupBy(findingEvents.scanId, findingEvents.type);
  const countOf = (scanId: string, type: string) =>
    rows.find((r) => r.scanId === scanId && r.type === type)?.n ?? 0;
  return scans.map((scan) => ({
    scan,
    opened: countOf(scan.id, 'opened'),
    reopened: countOf(scan.id, 'reopened'),
    resolved: countOf(scan.id, 'resolved'),
  }));
}
