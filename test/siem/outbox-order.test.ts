/**
 * The outbox's ordering guarantee on PostgreSQL: while one transaction holds a tenant's outbox
 * lock (an event written, not committed), another change of the same tenant waits, so it gets a
 * larger id AND commits later. Without the lock the second could commit first, a drain could
 * move the cursor past it, and the first event would be skipped forever.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { listFindings } from '../../db/finding-queries.ts';
import { muteFinding } from '../../db/findings.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createOutboxFixture } from '../support/outbox.ts';

describe.runIf(process.env.DATABASE_URL)('outbox order across concurrent transactions', () => {
  let database: TestDatabase;
  afterEach(async () => database?.close());

  it('makes a concurrent change of the same tenant wait for the open transaction', async () => {
    database = await createTestDatabase('postgres');
    const f = await createOutboxFixture(database);
    await f.open(2);
    const [first, second] = await listFindings(database.db, f.tenantId);
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `finding_events:${f.tenantId}`,
      ]);
      const held = await other.query(
        `insert into finding_events (tenant_id, finding_id, type, to_status, severity) values ($1, $2, 'muted', 'muted', 'low') returning id`,
        [f.tenantId, first!.id],
      );
      let muted = false;
      const mute = muteFinding(database.db, f.tenantId, second!.id, {
        reason: 'accepted',
        actor: 'tester',
      }).then(() => {
        muted = true;
      });
      // The mute waits on the tenant's outbox lock (seen in pg_locks), not having returned.
      let waiting = 0;
      for (let i = 0; i < 200 && waiting === 0; i++) {
        const rows = await other.query(
          `select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`,
        );
        waiting = rows.rows[0].n;
        if (waiting === 0) await new Promise((r) => setTimeout(r, 25));
      }
      expect(waiting).toBe(1);
      expect(muted).toBe(false);
      await other.query('commit');
      await mute;
      const events = await f.events();
      const heldId = Number(held.rows[0].id);
      const muteEvent = events.find((e) => e.findingId === second!.id && e.type === 'muted')!;
      expect(muteEvent.id).toBeGreaterThan(heldId);
    } finally {
      await other.end();
    }
  });
});
