/** The DLP queue on BullMQ: per-provider queue, job data holds ids only, inspections open findings. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection } from '../../db/connections.ts';
import { listFindings } from '../../db/finding-queries.ts';
import { createOrGetActiveScan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import { rules } from '../../rules/index.ts';
import { silentLogger } from '../../runtime/logger.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import { BullDlpQueue, startDlpWorkers } from '../../scanner/dlp-queue/bullmq.ts';
import { runScan, type ScanDeps } from '../../scanner/scan.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createFilesConnector, type MemoryFile } from '../support/files-connector.ts';
import { startTestRedis, type TestRedis } from '../support/redis.ts';

const secret = `deploy notes\nGITHUB_TOKEN=ghp_${'Zq8'.repeat(12)}\nAWS_ACCESS_KEY_ID=AKIA4R7XQ2M9KD3LWP5N\n`;

describe('DLP queue on BullMQ', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let queue: BullDlpQueue;
  let workers: { close(): Promise<void> };
  const files = new Map<string, MemoryFile>([
    [
      'deploy',
      {
        name: 'deploy.txt',
        exposure: 'external',
        access: 'view',
        modifiedAt: '2026-11-01T10:00:00.000Z',
        mimeType: 'text/plain',
        content: secret,
      },
    ],
  ]);
  const { connector, fetches } = createFilesConnector(files);

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await workers?.close();
    await queue?.close();
    await database?.close();
    await redis?.close();
  });

  it('inspects on a worker and never puts content or secrets in Redis', async () => {
    const box = new SecretBox(Buffer.alloc(32, 4));
    const deps: ScanDeps = {
      db: database.db,
      box,
      logger: silentLogger,
      connectors: { 'google-workspace': connector },
      rules,
    };
    queue = new BullDlpQueue({ redisUrl: redis.url, prefix: redis.prefix });
    deps.dlpQueue = queue;
    const tenantId = (await createTenant(database.db, 'bull-files')).id;
    const connectionId = (
      await createConnection(database.db, box, {
        tenantId,
        provider: 'google-workspace',
        config: {},
        credentials: {},
      })
    ).id;
    const { scan } = await createOrGetActiveScan(database.db, tenantId, connectionId);
    expect((await runScan(deps, scan.id)).status).toBe('succeeded');

    const waiting = await queue.queue('google-workspace').getJobs(['waiting']);
    expect(waiting.map((j) => j.data)).toEqual([
      { tenantId, connectionId, assetKey: 'google-workspace:file:deploy', scanId: scan.id },
    ]);
    const client = new Redis(redis.url);
    const dump = (
      await Promise.all(
        (
          await client.keys(`${redis.prefix}:*`)
        ).map(async (k) => JSON.stringify(await client.hgetall(k).catch(() => ({})))),
      )
    ).join('');
    client.disconnect();
    expect(dump).not.toContain('ghp_');
    expect(dump).not.toContain('AKIA4R7XQ2M9KD3LWP5N');

    workers = startDlpWorkers(deps, {
      redisUrl: redis.url,
      prefix: redis.prefix,
      providers: ['google-workspace'],
      ratePerSecond: () => 10,
      logger: silentLogger,
    });
    await queue.idle();
    expect(fetches()).toBe(1);
    const found = await listFindings(database.db, tenantId, { status: 'open' });
    const dlpFindings = found.filter((f) => f.ruleId.startsWith('common/dlp-'));
    expect(dlpFindings.map((f) => f.ruleId)).toEqual(['common/dlp-file-external-view']);
    expect(JSON.stringify(found)).not.toContain('AKIA4R7XQ2M9KD3LWP5N');
  });
});
