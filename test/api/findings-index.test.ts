/**
 * The findings list's indexes (migrations 0002 and 0005) serve the API's default order and the
 * keyset continuation without sorting (the index expression must be the query's severityRank),
 * the provider and rule filters in that order, the text search and the facet counts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { severityRank } from '../../db/finding-queries.ts';
import { findingSearchTextSql, findingSeverityRankSql } from '../../db/schema.ts';
import { backends, createTestDatabase, type TestDatabase } from '../support/db.ts';

function planText(result: unknown): string {
  return ((result as { rows: Array<Record<string, string>> }).rows ?? [])
    .map((r) => Object.values(r)[0])
    .join('\n');
}

// Both engines: PGlite must load pg_trgm and btree_gin for migration 0005 and plan the same way.
describe.each(backends())('findings list indexes (%s)', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
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

  it('serve the provider and rule filters in severity order, without a sort', async () => {
    const db = database.db;
    await db.execute(sql`set enable_seqscan = off`);
    const tenant = '00000000-0000-4000-8000-000000000001';
    for (const [column, index] of [
      ['provider', 'findings_tenant_status_provider_rank_idx'],
      ['rule_id', 'findings_tenant_status_rule_rank_idx'],
    ] as const) {
      const plan = planText(
        await db.execute(sql`explain select id from findings where tenant_id = ${tenant} and status in ('open')
          and ${sql.raw(column)} in ('x') order by ${sql.raw(severityRank)} desc, id desc limit 51`),
      );
      expect(plan, column).toContain(index);
      expect(plan, column).not.toMatch(/\bSort\b/);
    }
  });

  it('search text through the tenant’s trigram index and count facets from an index alone', async () => {
    const db = database.db;
    await db.execute(sql`set enable_seqscan = off`);
    const tenant = '00000000-0000-4000-8000-000000000001';
    // On an empty table the planner prefers any btree on tenant_id, so the text condition is
    // planned alone here: only the trigram index can serve it. The index also holds tenant_id.
    const text = planText(
      await db.execute(
        sql`explain select id from findings where ${sql.raw(findingSearchTextSql)} ilike '%report%'`,
      ),
    );
    expect(text).toMatch(/Bitmap Index Scan on findings_tenant_search_text_idx/);
    const definition = (await db.execute(
      sql`select indexdef from pg_indexes where indexname = 'findings_tenant_search_text_idx'`,
    )) as unknown as { rows: Array<{ indexdef: string }> };
    expect(definition.rows[0]?.indexdef).toMatch(/USING gin \(tenant_id, .*gin_trgm_ops\)/);
    const facets = planText(
      await db.execute(sql`explain select severity, provider, rule_id, count(*) from findings
        where tenant_id = ${tenant} and status in ('open') group by severity, provider, rule_id`),
    );
    expect(facets).toMatch(/Index Only Scan using findings_tenant_status_facets_idx/);
  });
});
