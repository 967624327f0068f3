import type { Command } from 'commander';
import { contentRate } from '../../runtime/app.ts';
import { startDlpWorkers } from '../../scanner/dlp-queue/bullmq.ts';
import { BullScanQueue, startScanWorker } from '../../scanner/queue/bullmq.ts';
import { startInProcessScheduler } from '../../scanner/queue/in-process-scheduler.ts';
import { listSchedules, setSchedule } from '../../scanner/queue/schedules.ts';
import { startExportWorker } from '../../siem/export-queue.ts';
import { startExportLoop } from '../../siem/export-tick.ts';
import { withApp } from '../context.ts';
import { note } from '../output.ts';

/** Resolves on the first SIGINT/SIGTERM. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => resolve(signal);
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('process scan jobs (BullMQ with REDIS_URL, else in-process with the embedded scheduler)')
    .option('--concurrency <n>', 'scans at once', '2')
    .action((opts: { concurrency: string }) => runWorker({ concurrency: Number(opts.concurrency) }));
}

/** Runs scan jobs until SIGINT/SIGTERM; running scans finish before the process exits. */
export function runWorker(opts: { concurrency: number }): Promise<void> {
  return withApp(async (app) => {
    const { env, logger, database, queue } = app;
    if (env.REDIS_URL && queue instanceof BullScanQueue) {
      // Job schedulers live in Redis; re-assert them from the table in case Redis was emptied.
      for (const s of await listSchedules(database.db))
        await setSchedule(database.db, queue.queue, s.tenantId, s.cron, s.timezone);
      const worker = startScanWorker(app.scanDeps, {
        redisUrl: env.REDIS_URL,
        prefix: env.PERISCOPE_QUEUE_PREFIX,
        concurrency: opts.concurrency,
        logger,
        retry: { attempts: env.PERISCOPE_SCAN_ATTEMPTS, backoffMs: env.PERISCOPE_RETRY_BACKOFF_MS },
      });
      const dlpWorkers = startDlpWorkers(app.scanDeps, {
        redisUrl: env.REDIS_URL,
        prefix: env.PERISCOPE_QUEUE_PREFIX,
        providers: Object.keys(app.connectors),
        ratePerSecond: (provider) => contentRate(app.connectors, provider),
        logger,
      });
      const exportWorker = await startExportWorker(app.exportDeps, {
        redisUrl: env.REDIS_URL,
        prefix: env.PERISCOPE_QUEUE_PREFIX,
        intervalMs: env.PERISCOPE_EXPORT_INTERVAL_MS,
        logger,
      });
      note(`worker started (BullMQ, concurrency ${opts.concurrency}); Ctrl-C to stop`);
      note(`stopping after ${await untilSignal()}: finishing running scans`);
      await worker.close();
      await dlpWorkers.close();
      await exportWorker.close();
      return;
    }
    const stop = startInProcessScheduler(database.db, queue, logger);
    const stopExport = startExportLoop(app.exportDeps, {
      intervalMs: env.PERISCOPE_EXPORT_INTERVAL_MS,
      logger,
    });
    note('worker started (embedded: in-process queue, scheduler and export); Ctrl-C to stop');
    note(`stopping after ${await untilSignal()}`);
    stop();
    await stopExport();
  });
}
