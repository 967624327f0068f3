/**
 * `periscope export …`: SIEM destinations per tenant. Sinks are named `<tenant>/<name>` (or by
 * id) where a command takes one sink. Secrets go in with --secret (key=value or key=@file) and
 * are never printed back.
 */
import type { Command } from 'commander';
import { getSinkById } from '../../db/export-sinks.ts';
import { getTenant } from '../../db/tenants.ts';
import type { App } from '../../runtime/app.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { type DrainResult, drainSink } from '../../siem/drain.ts';
import {
  addSink,
  backfillSink,
  getSinkStatus,
  removeSink,
  replaySink,
  type SinkStatus,
  sinkStatuses,
  updateSink,
} from '../../siem/export-admin.ts';
import { sinkTypes } from '../../siem/sink.ts';
import { withApp } from '../context.ts';
import { note, print, table } from '../output.ts';
import { collect, parsePairs } from '../parse-pairs.ts';

interface SettingsOptions {
  config: string[];
  secret: string[];
}

export function registerExport(program: Command): void {
  const exportCmd = program
    .command('export')
    .description('stream findings to SIEMs (Splunk HEC, syslog, Elastic, webhooks, files)');

  exportCmd
    .command('add <tenant> <type>')
    .description(`add a destination; type is one of ${sinkTypes.join(', ')}`)
    .option('--name <name>', 'sink name (default: the type)')
    .option('--config <key=value>', 'setting, repeatable', collect, [])
    .option(
      '--secret <key=value>',
      'secret (token, HMAC key); key=@file reads a file; repeatable',
      collect,
      [],
    )
    .option(
      '--start <where>',
      '"beginning" sends the tenant\'s whole history, "now" only new events',
      'beginning',
    )
    .action((tenantSlug: string, type: string, opts: SettingsOptions & { name?: string; start: string }) =>
      withApp(async ({ database, exportDeps }) => {
        if (opts.start !== 'beginning' && opts.start !== 'now')
          throw new PeriscopeError('config_invalid', '--start must be "beginning" or "now"');
        const tenant = await getTenant(database.db, tenantSlug);
        const status = await addSink(exportDeps, tenant.id, {
          type,
          name: opts.name,
          config: parsePairs(opts.config, '--config', false),
          secrets: parsePairs(opts.secret, '--secret', true),
          start: opts.start,
        });
        print(
          `export sink ${tenant.slug}/${status.name} (${status.type}) added; ${status.lagEvents} events to send`,
        );
        note('events are sent by `periscope worker` (or now, with `periscope export run`)');
      }),
    );

  exportCmd
    .command('update <sink>')
    .description('change settings or secrets of <tenant>/<name>; a paused sink becomes active again')
    .option('--config <key=value>', 'setting, repeatable', collect, [])
    .option('--secret <key=value>', 'secret; key=@file reads a file; repeatable', collect, [])
    .action((ref: string, opts: SettingsOptions) =>
      withApp(async (app) => {
        const sink = await resolveSink(app, ref);
        const status = await updateSink(app.exportDeps, sink.tenantId, sink.id, {
          config: parsePairs(opts.config, '--config', false),
          secrets: parsePairs(opts.secret, '--secret', true),
        });
        print(`export sink ${ref} updated (${status.state})`);
      }),
    );

  exportCmd.command('remove <sink>').action((ref: string) =>
    withApp(async (app) => {
      const sink = await resolveSink(app, ref);
      await removeSink(app.exportDeps, sink.tenantId, sink.id);
      print(`export sink ${ref} removed`);
    }),
  );

  exportCmd
    .command('status <tenant>')
    .description('each sink: state, lag, deliveries, dead letters, last error')
    .option('--format <format>', 'table or json', 'table')
    .action((tenantSlug: string, opts: { format: string }) =>
      withApp(async ({ database, exportDeps }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const statuses = await sinkStatuses(exportDeps, tenant.id);
        if (opts.format === 'json') return print(JSON.stringify(statuses, null, 2));
        print(statusTable(statuses));
      }),
    );

  exportCmd
    .command('run <tenant>')
    .description('drain every sink of the tenant once and exit (embedded mode, cron jobs)')
    .option('--sink <name>', 'only this sink')
    .option('--attempts <n>', 'tries per sink when the destination fails with a retryable error', '3')
    .action((tenantSlug: string, opts: { sink?: string; attempts: string }) =>
      withApp(async ({ database, exportDeps }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const attempts = Math.max(1, Number(opts.attempts) || 1);
        const statuses = (await sinkStatuses(exportDeps, tenant.id)).filter(
          (s) => !opts.sink || s.name === opts.sink,
        );
        if (opts.sink && statuses.length === 0)
          throw new PeriscopeError('not_found', `no export sink "${opts.sink}" in ${tenant.slug}`);
        let behind = 0;
        for (const sink of statuses) {
          const result = await drainWithRetries(exportDeps, sink.id, attempts);
          print(`${sink.name}: ${describe(result)}`);
          if (result.status !== 'caught_up') behind++;
        }
        if (behind > 0) process.exitCode = 1;
      }),
    );

  exportCmd
    .command('replay <sink>')
    .description(
      'send dead-lettered events of <tenant>/<name> again, or with --from every event from an outbox id on',
    )
    .option('--from <event-id>', 'rewind to this outbox event id')
    .action((ref: string, opts: { from?: string }) =>
      withApp(async (app) => {
        const sink = await resolveSink(app, ref);
        const fromEventId = opts.from === undefined ? undefined : Number(opts.from);
        if (fromEventId !== undefined && (!Number.isInteger(fromEventId) || fromEventId < 1))
          throw new PeriscopeError(
            'config_invalid',
            '--from must be an outbox event id (a positive integer)',
          );
        const result = await replaySink(app.exportDeps, sink.tenantId, sink.id, { fromEventId });
        if (fromEventId === undefined)
          print(
            `replayed ${result.replayed} dead-lettered events${result.stillRefused ? `, ${result.stillRefused} refused again` : ''}`,
          );
        print(`then: ${describe(result.drain)}`);
        if (result.drain.status !== 'caught_up') process.exitCode = 1;
      }),
    );

  exportCmd
    .command('backfill <sink>')
    .description('send every event since a date again to <tenant>/<name> (same event ids)')
    .requiredOption('--since <date>', 'YYYY-MM-DD or ISO 8601')
    .action((ref: string, opts: { since: string }) =>
      withApp(async (app) => {
        const sink = await resolveSink(app, ref);
        const result = await backfillSink(app.exportDeps, sink.tenantId, sink.id, new Date(opts.since));
        print(`backfill from event ${result.from}: ${describe(result.drain)}`);
        if (result.drain.status !== 'caught_up') process.exitCode = 1;
      }),
    );
}

/** `<tenant>/<name>` or a sink id. */
async function resolveSink(app: App, ref: string): Promise<{ tenantId: string; id: string }> {
  const slash = ref.indexOf('/');
  if (slash > 0) {
    const tenant = await getTenant(app.database.db, ref.slice(0, slash));
    const status = await getSinkStatus(app.exportDeps, tenant.id, ref.slice(slash + 1));
    return { tenantId: tenant.id, id: status.id };
  }
  const byId = /^[0-9a-f-]{36}$/i.test(ref) ? await getSinkById(app.database.db, ref) : undefined;
  if (!byId)
    throw new PeriscopeError('not_found', `no export sink "${ref}"; name it as <tenant>/<name> or by id`);
  return { tenantId: byId.tenantId, id: byId.id };
}

async function drainWithRetries(
  deps: App['exportDeps'],
  sinkId: string,
  attempts: number,
): Promise<DrainResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await drainSink(deps, sinkId);
    if (result.status !== 'retry_later' || attempt >= attempts) return result;
    const wait = Math.min(60_000, Math.max(0, (result.nextAttemptAt?.getTime() ?? Date.now()) - Date.now()));
    note(`delivery failed (${result.error}); retrying in ${Math.ceil(wait / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

function describe(result: DrainResult): string {
  const parts = [`${result.status.replace('_', ' ')}`, `${result.delivered} delivered`];
  if (result.deadLettered) parts.push(`${result.deadLettered} dead-lettered`);
  if (result.error) parts.push(`last error: ${result.error}`);
  return parts.join(', ');
}

function statusTable(statuses: SinkStatus[]): string {
  return table(
    ['sink', 'type', 'state', 'lag (events)', 'oldest (s)', 'delivered', 'dead letters', 'last error'],
    statuses.map((s) => [
      s.name,
      s.type,
      s.state === 'paused' ? `paused: ${s.pausedReason ?? ''}` : s.state,
      s.lagEvents,
      s.lagSeconds,
      s.delivered,
      s.deadLetters,
      s.lastError ?? '',
    ]),
  );
}
