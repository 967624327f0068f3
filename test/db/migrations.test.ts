import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { tenants } from '../../db/schema.ts';
import { backends, createTestDatabase, type TestDatabase } from '../support/db.ts';

describe.each(backends())('migrations on %s', (backend) => {
  let handle: TestDatabase;
  afterAll(async () => handle?.close());

  it('creates every table and accepts a tenant', async () => {
    handle = await createTestDatabase(backend);
    const result = await handle.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = (result as unknown as { rows: Array<{ table_name: string }> }).rows.map(
      (r) => r.table_name,
    );
    expect(names).toEqual([
      'api_tokens',
      'assets',
      'connections',
      'export_dead_letters',
      'export_sinks',
      'finding_events',
      'findings',
      'oauth_flows',
      'scans',
      'schedules',
      'stream_state',
      'tenants',
    ]);
    const [row] = await handle.db.insert(tenants).values({ slug: 'acme', name: 'Acme' }).returning();
    expect(row?.slug).toBe('acme');
  });
});
