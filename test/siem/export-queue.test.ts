/**
 * Export on real Redis (BullMQ) and the in-process loop: the tick finds sinks with events waiting
 * and drains them without anyone calling `export run`, also events written after the worker
 * started; a sink in backoff is left alone until its time comes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSink, updateSinkRow } from '../../db/export-sinks.ts';
import { DEFAULT_HEC_TOKEN, type HecReceiver, startHecReceiver } from '../../sandbox/siem/index.ts';
import { addSink } from '../../siem/export-admin.ts';
import { startExportWorker } from '../../siem/export-queue.ts';
import { drainDueSinks, startExportLoop } from '../../siem/export-tick.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createOutboxFixture, type OutboxFixture } from '../support/outbox.ts';
import { startTestRedis, type TestRedis } from '../support/redis.ts';

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('export queue', () => {
  let database: TestDatabase;
  let hec: HecReceiver;
  let f: OutboxFixture;

  beforeEach(async () => {
    database = await createTestDatabase();
    hec = await startHecReceiver();
    f = await createOutboxFixture(database);
    await f.open(15);
    await addSink(f.deps, f.tenantId, {
      type: 'splunk-hec',
      name: 'splunk',
      config: { url: hec.url },
      secrets: { token: DEFAULT_HEC_TOKEN },
    });
  });
  afterEach(async () => {
    await hec.close();
    await database.close();
  });

  it('drains due sinks through BullMQ job schedulers, including events written later', async () => {
    const redis: TestRedis = await startTestRedis();
    const worker = await startExportWorker(f.deps, {
      redisUrl: redis.url,
      prefix: redis.prefix,
      intervalMs: 200,
      logger: f.deps.logger,
    });
    try {
      await until(async () => hec.eventCount === (await f.events()).length, 'the first drain');
      await f.churn(1);
      const total = (await f.events()).length;
      await until(() => hec.eventCount === total, 'the events written after the worker started');
      expect(new Set(hec.events.map((e) => e.envelope.fields?.event_uid)).size).toBe(total);
    } finally {
      await worker.close();
      await redis.close();
    }
  });

  it('drains with the in-process loop and respects a pending backoff', async () => {
    const sink = await getSink(f.deps.db, f.tenantId, 'splunk');
    await updateSinkRow(f.deps.db, sink, { nextAttemptAt: new Date(Date.now() + 60_000) });
    expect(await drainDueSinks(f.deps)).toEqual([]);
    expect(hec.eventCount).toBe(0);
    await updateSinkRow(f.deps.db, sink, { nextAttemptAt: null });
    const stop = startExportLoop(f.deps, { intervalMs: 100, logger: f.deps.logger });
    try {
      await until(async () => hec.eventCount === (await f.events()).length, 'the loop to drain');
    } finally {
      await stop();
    }
  });
});
