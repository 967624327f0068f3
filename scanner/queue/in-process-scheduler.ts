/**
 * Embedded-mode cron: re-reads the schedules table each minute and starts one scan per connection
 * of a tenant whose schedule fell due. With Redis, BullMQ's job schedulers do this instead.
 */
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import { listConnections } from '../../db/connections.ts';
import { createOrGetActiveScan } from '../../db/scans.ts';
import { listSchedules } from './schedules.ts';
import type { ScanQueue } from './types.ts';

export function startInProcessScheduler(
  db: Database,
  queue: ScanQueue,
  logger: Logger,
  tickMs = 30_000,
): () => void {
  const nextRun = new Map<string, number>();
  const tick = async () => {
    const now = Date.now();
    for (const schedule of await listSchedules(db)) {
      if (!schedule.enabled) continue;
      const due = nextRun.get(schedule.tenantId);
      nextRun.set(schedule.tenantId, schedule.nextRunAt.getTime());
      if (due === undefined || due > now) continue;
      for (const connection of await listConnections(db, schedule.tenantId)) {
        const { scan } = await createOrGetActiveScan(db, schedule.tenantId, connection.id, 'schedule');
        await queue.enqueue(scan.id, connection.id);
      }
      logger.info({ tenantId: schedule.tenantId }, 'scheduled scan started');
    }
  };
  const timer = setInterval(
    () => void tick().catch((err) => logger.error({ err }, 'scheduler tick failed')),
    tickMs,
  );
  void tick().catch((err) => logger.error({ err }, 'scheduler tick failed'));
  return () => clearInterval(timer);
}
