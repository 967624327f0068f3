/**
 * The BullMQ side: one `scan` queue. A scan job carries only the scan id; its job id is derived
 * from the connection, so a second request while one is waiting or running is dropped by Redis
 * itself. Scheduled scans are BullMQ job schedulers that fan out to one scan per connection.
 */
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { listConnections } from '../../db/connections.ts';
import { createOrGetActiveScan } from '../../db/scans.ts';
import { runScan, type ScanDeps, type ScanOutcome } from '../scan.ts';
import {
  defaultRetryPolicy,
  type RetryPolicy,
  type ScanJobData,
  type ScanQueue,
  type ScheduledScanJobData,
  scanJobId,
} from './types.ts';
import { waitForScan } from './wait.ts';

export const scanQueueName = 'scan';

export interface BullOptions {
  redisUrl: string;
  prefix: string;
  retry?: RetryPolicy;
}

export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

export class BullScanQueue implements ScanQueue {
  readonly mode = 'bullmq' as const;
  readonly queue: Queue;
  private readonly redis: Redis;
  private readonly retry: RetryPolicy;
  private closed = false;

  constructor(
    private readonly deps: Pick<ScanDeps, 'db'>,
    options: BullOptions,
  ) {
    this.redis = redisConnection(options.redisUrl);
    this.queue = new Queue(scanQueueName, { connection: this.redis, prefix: options.prefix });
    this.retry = options.retry ?? defaultRetryPolicy;
  }

  async enqueue(scanId: string, connectionId: string): Promise<void> {
    const data: ScanJobData = { scanId };
    await this.queue.add('scan', data, {
      jobId: scanJobId(connectionId),
      attempts: this.retry.attempts,
      backoff: { type: 'exponential', delay: this.retry.backoffMs },
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
    });
  }

  waitFor(scanId: string, timeoutMs?: number): Promise<ScanOutcome> {
    return waitForScan(this.deps.db, scanId, timeoutMs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.close();
    this.redis.disconnect();
  }
}

export interface ScanWorkerOptions extends BullOptions {
  concurrency?: number;
  logger: Logger;
}

/** Processes scan and scheduled-scan jobs until closed; close() waits for running scans. */
export function startScanWorker(
  deps: ScanDeps,
  options: ScanWorkerOptions,
): { worker: Worker; close(): Promise<void> } {
  const redis = redisConnection(options.redisUrl);
  const enqueuer = new BullScanQueue(deps, options);
  const worker = new Worker(
    scanQueueName,
    async (job: Job) => {
      if (job.name === 'scheduled-scan')
        return fanOutScheduledScan(deps, enqueuer, job.data as ScheduledScanJobData);
      const { scanId } = job.data as ScanJobData;
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const outcome = await runScan(deps, scanId, { finalAttempt });
      if (outcome.fatal) throw new UnrecoverableError(`scan ${scanId} failed and retrying cannot help`);
      if (outcome.status === 'queued')
        throw new Error(`scan ${scanId} had retryable stream failures; retrying`);
      return outcome;
    },
    { connection: redis, prefix: options.prefix, concurrency: options.concurrency ?? 2 },
  );
  worker.on('failed', (job, error) =>
    options.logger.warn({ jobId: job?.id, err: error.message }, 'scan job failed'),
  );
  let closing: Promise<void> | undefined;
  return {
    worker,
    close() {
      closing ??= (async () => {
        await worker.close();
        await enqueuer.close();
        redis.disconnect();
      })();
      return closing;
    },
  };
}

async function fanOutScheduledScan(deps: Pick<ScanDeps, 'db'>, queue: ScanQueue, data: ScheduledScanJobData) {
  const connections = await listConnections(deps.db, data.tenantId);
  for (const connection of connections) {
    const { scan } = await createOrGetActiveScan(deps.db, data.tenantId, connection.id, 'schedule');
    await queue.enqueue(scan.id, connection.id);
  }
  return { scans: connections.length };
}
