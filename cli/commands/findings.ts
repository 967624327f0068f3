import type { Command } from 'commander';
import { Option } from 'commander';
import { listFindings } from '../../db/finding-queries.ts';
import { muteFinding, unmuteFinding } from '../../db/findings.ts';
import { getTenant } from '../../db/tenants.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { toFindingView } from '../../scanner/finding-view.ts';
import { severities } from '../../scanner/model.ts';
import { withApp } from '../context.ts';
import { csv, print, table } from '../output.ts';

interface FindingsOptions {
  status: 'open' | 'resolved' | 'muted' | 'all';
  severity?: string;
  provider?: string;
  rule?: string;
  format: 'table' | 'json' | 'ndjson' | 'csv';
}

export function registerFindings(program: Command): void {
  program
    .command('findings <tenant>')
    .description('list findings')
    .addOption(
      new Option('--status <status>', 'lifecycle status')
        .choices(['open', 'resolved', 'muted', 'all'])
        .default('open'),
    )
    .addOption(new Option('--severity <severity>').choices([...severities]))
    .option('--provider <provider>')
    .option('--rule <id>')
    .addOption(new Option('--format <format>').choices(['table', 'json', 'ndjson', 'csv']).default('table'))
    .action((tenantSlug: string, opts: FindingsOptions) =>
      withApp(async ({ database }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const rows = await listFindings(database.db, tenant.id, {
          status: opts.status,
          ...(opts.severity ? { severity: opts.severity } : {}),
          ...(opts.provider ? { provider: opts.provider } : {}),
          ...(opts.rule ? { ruleId: opts.rule } : {}),
        });
        const views = rows.map(toFindingView);
        if (opts.format === 'json') return print(JSON.stringify(views, null, 2));
        if (opts.format === 'ndjson') return print(views.map((v) => JSON.stringify(v)).join('\n'));
        const head = ['id', 'severity', 'status', 'provider', 'rule', 'asset', 'last seen'];
        const cells = views.map((v) => [
          v.id,
          v.severity,
          v.status,
          v.provider,
          v.ruleId,
          `${v.asset.kind} ${v.asset.name}`,
          v.lastSeenAt,
        ]);
        if (opts.format === 'csv') return print(csv(head, cells));
        print(table(head, cells));
        print(`${views.length} finding(s)`);
      }),
    );

  program
    .command('mute <tenant> <finding-id>')
    .description('mute a finding; it stays muted across scans until --until')
    .requiredOption('--reason <text>', 'why (kept with the finding and its event)')
    .option('--until <date>', 'ISO date or date-time when the mute expires')
    .action((tenantSlug: string, findingId: string, opts: { reason: string; until?: string }) =>
      withApp(async ({ database }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const until = opts.until ? new Date(opts.until) : null;
        if (until && Number.isNaN(until.getTime()))
          throw new PeriscopeError('config_invalid', `--until "${opts.until}" is not a date`);
        const row = await muteFinding(database.db, tenant.id, findingId, {
          reason: opts.reason,
          until,
          actor: process.env.USER ?? 'cli',
        });
        print(
          `finding ${row.id} ${row.status}${row.mutedUntil ? ` until ${row.mutedUntil.toISOString()}` : ''}`,
        );
      }),
    );

  program
    .command('unmute <tenant> <finding-id>')
    .description('remove a mute')
    .action((tenantSlug: string, findingId: string) =>
      withApp(async ({ database }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const row = await unmuteFinding(database.db, tenant.id, findingId, process.env.USER ?? 'cli');
        print(`finding ${row.id} ${row.status}`);
      }),
    );
}
