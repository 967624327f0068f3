/**
 * The findings list's indexes (migration 0002) serve the API's default order and the keyset
 * continuation without sorting: the index expression must be the query's severityRank.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { severityRank } from '../../db/finding-queries.ts';
import { findingSeverityRankSql } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

function planText(result: unknown): string {
  return ((result as { rows: Array<Record<string, string>> }).rows ?? [])
    .map((r) => Object.values(r)[0])
    .join('\n');
}

describe('findings list indexes', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('index the same severity rank the list sorts by', () => {
    expect(findingSeverityRankSql).toBe(`(${severityRank})`);
  });

  it('the listing by severity or by last seen reads its index in order, without a sort', async () => {
    const db = database.db;
    await db.execute(sql`set enable_seqscan = off`);
    const tenant = '00000000-0000-4000-8000-000000000001';
    const first = planText(
      await db.execute(sql`explain select id from findings where tenant_id = ${tenant} and status in ('open')
        order by ${sql.raw(severityRank)} desc, id desc limit 51`),
    );
    expect(first).toContain('findings_tenant_status_rank_idx');
    expect(first).not.toMatch(/\bSort\b/);
    const byLastSeen = planText(
      await db.execute(sql`explain select id from findings where tenant_id = ${tenant} and status in ('open')
        order by last_seen_at desc, id desc limit 51`),
    );
    expect(byLastSeen).toContain('findings_tenant_status_last_seen_idx');
    expect(byLastSeen).not.toMatch(/\bSort\b/);
  });
});
