import type { Command } from 'commander';
import { getTenant } from '../../db/tenants.ts';
import { BullScanQueue } from '../../scanner/queue/bullmq.ts';
import { listSchedules, removeSchedule, setSchedule } from '../../scanner/queue/schedules.ts';
import { withApp } from '../context.ts';
import { note, print, table } from '../output.ts';

export function registerSchedule(program: Command): void {
  const schedule = program.command('schedule').description('cron schedules for tenant scans');
  schedule
    .command('set <tenant> <cron>')
    .description('scan every connection of the tenant on a cron schedule ("0 3 * * *")')
    .option('--tz <zone>', 'IANA time zone', 'UTC')
    .action((tenantSlug: string, cron: string, opts: { tz: string }) =>
      withApp(async ({ database, queue }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const bull = queue instanceof BullScanQueue ? queue.queue : null;
        const row = await setSchedule(database.db, bull, tenant.id, cron, opts.tz);
        print(
          `schedule for ${tenant.slug}: "${row.cron}" ${row.timezone}, next run ${row.nextRunAt.toISOString()}`,
        );
        if (!bull)
          note('no REDIS_URL: schedules run while `periscope worker` (or `periscope demo`) is running');
      }),
    );
  schedule.command('list <tenant>').action((tenantSlug: string) =>
    withApp(async ({ database }) => {
      const tenant = await getTenant(database.db, tenantSlug);
      const rows = await listSchedules(database.db, tenant.id);
      print(
        table(
          ['cron', 'time zone', 'enabled', 'next run'],
          rows.map((r) => [r.cron, r.timezone, String(r.enabled), r.nextRunAt.toISOString()]),
        ),
      );
    }),
  );
  schedule.command('remove <tenant>').action((tenantSlug: string) =>
    withApp(async ({ database, queue }) => {
      const tenant = await getTenant(database.db, tenantSlug);
      const removed = await removeSchedule(
        database.db,
        queue instanceof BullScanQueue ? queue.queue : null,
        tenant.id,
      );
      print(removed ? 'schedule removed' : 'no schedule');
    }),
  );
}
