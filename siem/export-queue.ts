/**
 * Export on BullMQ: one `export` queue. A job scheduler fires a `tick` every interval; the tick
 * queues one `drain` job per due sink with a job id derived from the sink, so a sink is never
 * drained twice at once by this queue (and the sink's lease covers any other drainer). Job data
 * carries the sink id only. Backoff lives on the sink row, not in BullMQ, so it survives Redis.
 */
import { type Job, Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { listDueSinks } from '../db/export-sinks.ts';
import { redisConnection } from '../scanner/queue/bullmq.ts';
import { drainSink } from './drain.ts';
import type { ExportDeps } from './export-deps.ts';

export const exportQueueName = 'export';

export interface ExportWorkerOptions {
  redisUrl: string;
  prefix: string;
  /** Time between ticks (default 10 s). */
  intervalMs?: number;
  concurrency?: number;
  logger: Logger;
}

export function exportJobId(sinkId: string): string {
  return `export-${sinkId}`;
}

export async function startExportWorker(
  deps: ExportDeps,
  options: ExportWorkerOptions,
): Promise<{ close(): Promise<void> }> {
  const redis = redisConnection(options.redisUrl);
  const queue = new Queue(exportQueueName, { connection: redis, prefix: options.prefix });
  await queue.upsertJobScheduler('export-tick', { every: options.intervalMs ?? 10_000 }, { name: 'tick' });
  const abort = new AbortController();
  const worker = new Worker(
    exportQueueName,
    async (job: Job) => {
      if (job.name === 'tick') {
        const due = await listDueSinks(deps.db, new Date());
        await queue.addBulk(
          due.map((sink) => ({
            name: 'drain',
            data: { sinkId: sink.id },
            opts: { jobId: exportJobId(sink.id), removeOnComplete: true, removeOnFail: { count: 100 } },
          })),
        );
        return { queued: due.length };
      }
      const { sinkId } = job.data as { sinkId: string };
      const result = await drainSink(deps, sinkId, { signal: abort.signal, maxEvents: 100_000 });
      return { status: result.status, delivered: result.delivered, deadLettered: result.deadLettered };
    },
    { connection: redis, prefix: options.prefix, concurrency: options.concurrency ?? 2 },
  );
  worker.on('failed', (job, error) =>
    options.logger.warn({ jobId: job?.id, err: error.message }, 'export job failed'),
  );
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        await worker.close();
        abort.abort();
        await queue.close();
        redis.disconnect();
      })();
      return closing;
    },
  };
}
