/**
 * The BullMQ side on a real Redis: two workers never scan one connection at the same time,
 * retryable failures are retried and resume, and cron schedules become job schedulers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScans } from '../../db/scans.ts';
import { isPeriscopeError } from '../../scanner/errors.ts';
import { BullScanQueue, startScanWorker } from '../../scanner/queue/bullmq.ts';
import { requestScans } from '../../scanner/queue/request.ts';
import { setSchedule, validateCron } from '../../scanner/queue/schedules.ts';
import { waitForScan } from '../../scanner/queue/wait.ts';
import { type GitHubHarness, plantedKeys, startGitHubHarness } from '../support/github-harness.ts';
import { startTestRedis, type TestRedis } from '../support/redis.ts';
import { wrapStream } from '../support/wrap-stream.ts';

describe('BullMQ scan queue', () => {
  let redis: TestRedis;
  let h: GitHubHarness;
  beforeAll(async () => {
    redis = await startTestRedis();
    h = await startGitHubHarness({ sim: { size: { members: 120 } } });
  });
  afterAll(async () => {
    await h?.close();
    await redis?.close();
  });

  it('two workers on one Redis never scan one connection at the same time', async () => {
    let running = 0;
    let maxRunning = 0;
    let collected = 0;
    const github = h.deps.connectors.github!;
    // Count concurrent scans of this connection: every scan passes through its first stream.
    const observed = wrapStream(github, github.streams[0]!.name, async function* (inner) {
      running++;
      maxRunning = Math.max(maxRunning, running);
      collected++;
      try {
        await new Promise((r) => setTimeout(r, 150)); // widen the window for a race
        yield* inner;
      } finally {
        running--;
      }
    });
    const deps = { ...h.deps, connectors: { github: observed } };
    const options = { redisUrl: redis.url, prefix: redis.prefix, logger: h.deps.logger, concurrency: 4 };
    const workers = [startScanWorker(deps, options), startScanWorker(deps, options)];
    const producers = [new BullScanQueue(deps, options), new BullScanQueue(deps, options)];
    try {
      const requests = await Promise.all(
        Array.from({ length: 8 }, (_, i) => requestScans(h.database.db, producers[i % 2]!, h.tenantId)),
      );
      const ids = new Set(requests.flat().map((s) => s.id));
      for (const id of ids)
        expect((await waitForScan(h.database.db, id, 60_000, 50)).status).toBe('succeeded');
      // Second round after the first finished: a new scan runs again.
      const [again] = await requestScans(h.database.db, producers[0]!, h.tenantId);
      expect(ids.has(again!.id)).toBe(false);
      expect((await waitForScan(h.database.db, again!.id, 60_000, 50)).status).toBe('succeeded');
    } finally {
      for (const w of workers) await w.close();
      for (const p of producers) await p.close();
    }
    expect(maxRunning).toBe(1);
    expect(collected).toBeGreaterThanOrEqual(2);
    expect(await h.findingKeys()).toEqual(plantedKeys(h.sim.planted));
  });

  it('retries a scan whose stream hit a 5xx storm and resumes it to success', async () => {
    const fault = h.sim.faults.add({
      path: '/orgs/{org}/hooks',
      kind: 'server-error',
      status: 503,
      times: 5,
    });
    const options = {
      redisUrl: redis.url,
      prefix: redis.prefix,
      logger: h.deps.logger,
      retry: { attempts: 3, backoffMs: 50 },
    };
    const worker = startScanWorker(h.deps, options);
    const producer = new BullScanQueue(h.deps, options);
    try {
      const [scan] = await requestScans(h.database.db, producer, h.tenantId);
      expect((await waitForScan(h.database.db, scan!.id, 60_000, 50)).status).toBe('succeeded');
      const [latest] = await listScans(h.database.db, h.tenantId, 1);
      expect(latest?.attempts).toBe(2);
      expect(fault.hits).toBe(5);
    } finally {
      await worker.close();
      await producer.close();
    }
  });

  it('stores cron schedules as BullMQ job schedulers and rejects a bad cron by name', async () => {
    const producer = new BullScanQueue(h.deps, { redisUrl: redis.url, prefix: redis.prefix });
    try {
      await setSchedule(h.database.db, producer.queue, h.tenantId, '0 3 * * *', 'Europe/Madrid');
      const schedulers = await producer.queue.getJobSchedulers();
      expect(schedulers).toEqual([
        expect.objectContaining({ key: `tenant-${h.tenantId}`, pattern: '0 3 * * *', tz: 'Europe/Madrid' }),
      ]);
      await setSchedule(h.database.db, producer.queue, h.tenantId, '30 2 * * 1', 'UTC');
      expect(await producer.queue.getJobSchedulersCount()).toBe(1);
    } finally {
      await producer.close();
    }
    const bad = (() => {
      try {
        validateCron('61 * * * *', 'UTC');
      } catch (error) {
        return error;
      }
    })();
    expect(isPeriscopeError(bad) && bad.details.field).toBe('cron');
    expect(() => validateCron('0 3 * * *', 'Mars/Olympus')).toThrow(/time zone/);
  });
});
