/**
 * Secrets flow one way: after scans with a token and with a GitHub App key, no token or private
 * key appears in the database, in debug-level logs, or in BullMQ's job data in Redis.
 */
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrGetActiveScan } from '../../db/scans.ts';
import { type GitHubSimulator, startGitHubSimulator } from '../../sandbox/index.ts';
import { BullScanQueue } from '../../scanner/queue/bullmq.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { type GitHubHarness, startGitHubHarness } from '../support/github-harness.ts';
import { startTestRedis, type TestRedis } from '../support/redis.ts';

const tables = [
  'tenants',
  'connections',
  'scans',
  'assets',
  'findings',
  'finding_events',
  'stream_state',
  'schedules',
];

/** Pieces of each secret long enough to be unmistakable. */
function secretNeedles(sim: GitHubSimulator): string[] {
  const keyBody = sim.app.privateKey.split('\n').filter((line) => line && !line.startsWith('-----'));
  return [sim.token, sim.memberToken, ...keyBody.slice(1, 4), 'PRIVATE KEY'];
}

describe('secrets never leave the credential store', () => {
  let database: TestDatabase;
  let sim: GitHubSimulator;
  let redis: TestRedis;
  const harnesses: GitHubHarness[] = [];
  afterAll(async () => {
    for (const h of harnesses) await h.close();
    await sim?.close();
    await database?.close();
    await redis?.close();
  });

  it('no secret in a dump of every table, in debug logs or in job data', async () => {
    database = await createTestDatabase();
    sim = await startGitHubSimulator({ seed: 3 });
    for (const [slug, auth] of [
      ['with-app', 'app'],
      ['with-token', 'token'],
    ] as const) {
      const h = await startGitHubHarness({ database, simulator: sim, auth, tenantSlug: slug });
      harnesses.push(h);
      const { outcome } = await h.scan();
      expect(outcome.status).toBe('succeeded');
    }

    let dump = '';
    for (const table of tables) {
      const result = await database.db.execute(sql.raw(`select row_to_json(t)::text as row from ${table} t`));
      dump += (result as unknown as { rows: Array<{ row: string }> }).rows.map((r) => r.row).join('\n');
    }
    expect(dump).toContain('github/member-without-2fa'); // the dump really holds the scan's data
    const logs = harnesses.flatMap((h) => h.logs).join('');
    expect(logs.length).toBeGreaterThan(0);

    redis = await startTestRedis();
    const queue = new BullScanQueue({ db: database.db }, { redisUrl: redis.url, prefix: redis.prefix });
    const h = harnesses[0]!;
    const { scan } = await createOrGetActiveScan(database.db, h.tenantId, h.connectionId);
    await queue.enqueue(scan.id, h.connectionId);
    const job = await queue.queue.getJob(`scan-${h.connectionId}`);
    expect(job?.data).toEqual({ scanId: scan.id });
    const client = new Redis(redis.url);
    let jobData = '';
    for (const key of await client.keys(`${redis.prefix}:*`)) {
      const type = await client.type(key);
      if (type === 'hash') jobData += JSON.stringify(await client.hgetall(key));
      else if (type === 'string') jobData += await client.get(key);
      else if (type === 'list') jobData += (await client.lrange(key, 0, -1)).join(' ');
      else if (type === 'zset') jobData += (await client.zrange(key, 0, -1)).join(' ');
    }
    client.disconnect();
    await queue.close();
    expect(jobData).toContain(scan.id);

    for (const needle of secretNeedles(sim)) {
      expect(dump).not.toContain(needle);
      expect(logs).not.toContain(needle);
      expect(jobData).not.toContain(needle);
    }
  });
});
