/**
 * Planner statistics for the tables a scan grows. A first scan can take assets and findings from
 * empty to a million rows in minutes, long before autovacuum (if it runs at all) analyzes them;
 * without statistics PostgreSQL plans the per-batch lookups as scans of the whole connection, and
 * the scan slows quadratically. ANALYZE samples a bounded number of rows, so it stays cheap.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

export async function analyzeScanTables(db: Database): Promise<void> {
  await db.execute(sql`analyze assets`);
  await db.execute(sql`analyze findings`);
}

/**
 * Row counts at which a stream refreshes the statistics: each a tenfold growth from 20,000. Below
 * that whole-table plans cost little, and two ANALYZEs take longer than a small stream's scan.
 */
export function crossesAnalyzeThreshold(before: number, after: number): boolean {
  for (let threshold = 20_000; threshold <= 100_000_000; threshold *= 10) {
    if (before < threshold && after >= threshold) return true;
  }
  return false;
}
