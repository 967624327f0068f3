import type { Command } from 'commander';
import { listConnections } from '../../db/connections.ts';
import type { Scan } from '../../db/scans.ts';
import { getTenant } from '../../db/tenants.ts';
import { requestScans } from '../../scanner/queue/request.ts';
import { withApp } from '../context.ts';
import { note, print } from '../output.ts';
import { followScans } from '../scan-progress.ts';
import { printScanSummary } from '../scan-summary.ts';

/** 0 all succeeded, 1 any failed, 3 any partial (and none failed). */
export function exitCodeFor(scans: Scan[]): number {
  if (scans.some((s) => s.status === 'failed' || s.status === 'cancelled')) return 1;
  if (scans.some((s) => s.status === 'partial')) return 3;
  return 0;
}

export function registerScan(program: Command): void {
  program
    .command('scan <tenant>')
    .description('scan every connection of a tenant (exit 0 all succeeded, 1 any failed, 3 any partial)')
    .option('--provider <provider>', 'only this provider')
    .option('--wait', 'with a Redis queue: wait for the scans to finish (embedded mode always waits)')
    .action((tenantSlug: string, opts: { provider?: string; wait?: boolean }) =>
      withApp(async ({ database, queue, dlpQueue }) => {
        const db = database.db;
        const tenant = await getTenant(db, tenantSlug);
        const started = await requestScans(
          db,
          queue,
          tenant.id,
          opts.provider ? { provider: opts.provider } : {},
        );
        const providers = new Map((await listConnections(db, tenant.id)).map((c) => [c.id, c.provider]));
        const providerOf = (s: Scan) => providers.get(s.connectionId) ?? '?';
        for (const s of started) note(`scan ${s.id} queued for ${providerOf(s)}`);
        if (queue.mode === 'bullmq' && !opts.wait) {
          print(started.map((s) => s.id).join('\n'));
          return;
        }
        const finished = await followScans(
          db,
          started.map((s) => s.id),
          providerOf,
        );
        if (dlpQueue.mode === 'in-process') await dlpQueue.idle(); // DLP findings belong in the summary
        await printScanSummary(db, tenant.id, finished, providerOf);
        process.exitCode = exitCodeFor(finished);
      }),
    );
}
