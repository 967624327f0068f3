/**
 * The worker process (`node --import tsx worker.ts`, or `periscope worker`). With REDIS_URL it
 * consumes BullMQ scan jobs; SIGTERM/SIGINT stop taking jobs and let running scans finish.
 */
import { runWorker } from './cli/commands/worker.ts';
import { exitWithError } from './cli/context.ts';

try {
  await runWorker({ concurrency: Number(process.env.PERISCOPE_WORKER_CONCURRENCY ?? 2) });
} catch (error) {
  exitWithError(error);
}
