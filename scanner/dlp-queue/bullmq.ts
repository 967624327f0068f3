/**
 * DLP on BullMQ: one queue per provider (`dlp-<provider>`), so each gets its own download rate
 * limit (BullMQ limits a queue as a whole) and its own concurrency, apart from scans.
 */
import { type Job, Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { redisConnection } from '../queue/bullmq.ts';
import type { ScanDeps } from '../scan.ts';
import { inspectFile } from './inspect-file.ts';
import { type DlpJobData, type DlpQueue, dlpJobId, dlpQueueName } from './types.ts';

export interface BullDlpOptions {
  redisUrl: string;
  prefix: string;
}

export class BullDlpQueue implements DlpQueue {
  readonly mode = 'bullmq' as const;
  private readonly redis;
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly options: BullDlpOptions) {
    this.redis = redisConnection(options.redisUrl);
  }

  queue(provider: string): Queue {
    let queue = this.queues.get(provider);
    if (!queue) {
      queue = new Queue(dlpQueueName(provider), { connection: this.redis, prefix: this.options.prefix });
      this.queues.set(provider, queue);
    }
    return queue;
  }

  async enqueue(jobs: DlpJobData[], provider: string): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(provider).addBulk(
      jobs.map((job) => ({
        name: 'inspect',
        data: job,
        opts: {
          jobId: dlpJobId(job),
          attempts: 3,
          backoff: { type: 'exponential' as const, delay: 2_000 },
          removeOnComplete: true,
          removeOnFail: { count: 1000 },
        },
      })),
    );
  }

  async idle(): Promise<void> {
    for (;;) {
      let waiting = 0;
      for (const queue of this.queues.values()) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        waiting += Object.values(counts).reduce((a, b) => a + b, 0);
      }
      if (waiting === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close(): Promise<void> {
    for (const queue of this.queues.values()) await queue.close();
    this.redis.disconnect();
  }
}

export interface DlpWorkerOptions extends BullDlpOptions {
  providers: string[];
  concurrency?: number;
  ratePerSecond: (provider: string) => number;
  logger: Logger;
}

/** A worker per provider queue, each with that provider's download rate limit. */
export function startDlpWorkers(deps: ScanDeps, options: DlpWorkerOptions): { close(): Promise<void> } {
  const redis = redisConnection(options.redisUrl);
  const abort = new AbortController();
  const workers = options.providers.map(
    (provider) =>
      new Worker(
        dlpQueueName(provider),
        async (job: Job<DlpJobData>) => inspectFile(deps, job.data, abort.signal),
        {
          connection: redis,
          prefix: options.prefix,
          concurrency: options.concurrency ?? 2,
          limiter: { max: options.ratePerSecond(provider), duration: 1000 },
        },
      ),
  );
  for (const worker of workers) {
    worker.on('failed', (job, error) =>
      options.logger.warn({ jobId: job?.id, err: error.message }, 'dlp job failed'),
    );
  }
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        await Promise.all(workers.map((w) => w.close()));
        abort.abort();
        redis.disconnect();
      })();
      return closing;
    },
  };
}
