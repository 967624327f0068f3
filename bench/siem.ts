/**
 * `npm run bench -- siem`: sustained export throughput from the PostgreSQL outbox (read, joined,
 * rendered as OCSF, sent, cursor advanced) to the Splunk HEC receiver (in a child process) and
 * to a private rsyslog over TCP (RFC 5424 + CEF, octet counting), on loopback. Target: ≥ 20,000
 * events/s to HEC. Every event must arrive (counted at the receivers).
 */
import { fork } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { ruleCatalog } from '../db/export-events.ts';
import { rules } from '../rules/index.ts';
import { createLogger } from '../runtime/logger.ts';
import { SecretBox } from '../runtime/secrets.ts';
import { DEFAULT_HEC_TOKEN } from '../sandbox/siem/index.ts';
import { createDestinationGuard } from '../siem/destination-guard.ts';
import { drainSink } from '../siem/drain.ts';
import { addSink } from '../siem/export-admin.ts';
import type { ExportDeps } from '../siem/export-deps.ts';
import { periscopeProduct } from '../siem/product.ts';
import { sinks } from '../siem/sinks/index.ts';
import { startRsyslog } from '../test/support/rsyslog.ts';
import type { BenchResult } from './run.ts';
import { openBenchDatabase, rssSampler } from './support.ts';

const eventCount = Number(process.env.BENCH_SIEM_EVENTS ?? 200_000);
const syslogEvents = Number(process.env.BENCH_SIEM_SYSLOG_EVENTS ?? 50_000);
const eventsPerFinding = 10;

async function startRemoteHec() {
  const child = fork(new URL('./siem-receiver-child.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  const url = await new Promise<string>((resolve) => {
    child.on('message', (message: { ready?: { url: string }; id?: number; value?: unknown }) => {
      if (message.ready) return resolve(message.ready.url);
      waiting.get(message.id!)?.(message.value);
    });
  });
  const ask = <T>(type: 'count' | 'close') =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve as (v: unknown) => void);
      child.send({ id, type });
    });
  return {
    url,
    count: () => ask<{ events: number; cpu: NodeJS.CpuUsage }>('count'),
    close: () => ask<boolean>('close'),
  };
}

/** A tenant whose outbox holds `events` rows over events/10 findings, written by SQL in bulk. */
async function seedOutbox(db: ExportDeps['db'], box: SecretBox, slug: string, events: number) {
  const findingCount = Math.ceil(events / eventsPerFinding);
  const ruleIds = rules.map((r) => r.id);
  const [tenant] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into tenants (slug, name) values (${slug}, ${slug}) returning id`),
  );
  const [connection] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into connections (tenant_id, provider, name, secret_ciphertext)
      values (${tenant!.id}, 'github', 'bench', ${box.seal({ token: 'unused' })}) returning id`),
  );
  await db.execute(sql`insert into findings (tenant_id, connection_id, fingerprint, rule_id, title, severity, status, provider,
      asset_key, asset_kind, asset_external_id, asset_name, evidence, first_seen_at, last_seen_at, last_scan_id)
    select ${tenant!.id}, ${connection!.id}, md5(${slug} || i), (${JSON.stringify(ruleIds)}::jsonb ->> (i % ${ruleIds.length})),
      'Organization requires two-factor authentication', (array['critical','high','medium','low','info'])[1 + i % 5], 'open', 'github',
      'github:setting:org-' || i, 'setting', 'org-' || i, 'org ' || i || ' | a=b \\ c', jsonb_build_object('owners', 5 + i % 7),
      now() - interval '1 day', now(), gen_random_uuid()
    from generate_series(1, ${findingCount}) i`);
  await db.execute(sql`insert into finding_events (tenant_id, finding_id, type, from_status, to_status, severity, detail, at)
    select ${tenant!.id}, f.id, (array['opened','muted','unmuted','severity_changed','resolved','reopened'])[1 + (n - 1) % 6],
      null, 'open', f.severity, jsonb_build_object('ruleId', f.rule_id), now() - interval '1 hour' + n * interval '1 second'
    from generate_series(1, ${eventsPerFinding}) n cross join findings f where f.tenant_id = ${tenant!.id}
    order by n, f.id limit ${events}`);
  await db.execute(sql`analyze finding_events`);
  await db.execute(sql`analyze findings`);
  return tenant!.id;
}

export async function run(): Promise<BenchResult> {
  const database = await openBenchDatabase();
  const box = new SecretBox(Buffer.alloc(32, 7));
  const deps: ExportDeps = {
    db: database.db,
    box,
    logger: createLogger({ level: 'warn' }),
    rules: ruleCatalog(rules),
    sinks,
    product: periscopeProduct,
    guard: createDestinationGuard({ allowPrivate: true }),
  };
  const hec = await startRemoteHec();
  const rsyslog = await startRsyslog();
  const rss = rssSampler();
  try {
    const hecTenant = await seedOutbox(database.db, box, 'bench-hec', eventCount);
    const syslogTenant = await seedOutbox(database.db, box, 'bench-syslog', syslogEvents);

    const hecSink = await addSink(deps, hecTenant, {
      type: 'splunk-hec',
      config: { url: hec.url },
      secrets: { token: DEFAULT_HEC_TOKEN },
    });
    rss.start();
    const receiverBefore = await hec.count();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const hecResult = await drainSink(deps, hecSink.id);
    const hecSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const receiverAfter = await hec.count();
    const hecReceived = receiverAfter.events;
    const receiverCpuMs =
      (receiverAfter.cpu.user +
        receiverAfter.cpu.system -
        receiverBefore.cpu.user -
        receiverBefore.cpu.system) /
      1000;

    const syslogSink = await addSink(deps, syslogTenant, {
      type: 'syslog',
      config: { host: '127.0.0.1', port: String(rsyslog.ports.tcp), transport: 'tcp', format: 'cef' },
      secrets: {},
    });
    const t1 = performance.now();
    const syslogResult = await drainSink(deps, syslogSink.id);
    const syslogSeconds = (performance.now() - t1) / 1000;
    const syslogReceived = (await rsyslog.waitForMessages('tcp', syslogEvents)).length;
    rss.stop();

    return {
      sizes: { hecEvents: eventCount, syslogEvents, findingsPerTenant: eventCount / eventsPerFinding },
      figures: [
        {
          name: 'HEC: sustained events/s (outbox → OCSF → HEC, acknowledged)',
          value: Math.round(hecResult.delivered / hecSeconds),
          unit: 'events/s',
          target: '≥ 20000',
          check: (v) => v >= 20_000,
        },
        {
          name: 'HEC: events received by the receiver',
          value: hecReceived,
          unit: 'events',
          target: `= ${eventCount}`,
          check: (v) => v === eventCount,
        },
        { name: 'HEC: drain wall time', value: Number(hecSeconds.toFixed(2)), unit: 's' },
        {
          name: 'HEC: exporter CPU (user+system) per 1,000 events',
          value: Number(((cpu.user + cpu.system) / 1000 / (eventCount / 1000)).toFixed(2)),
          unit: 'ms',
        },
        {
          name: 'HEC receiver CPU per 1,000 events (parses every envelope)',
          value: Number((receiverCpuMs / (eventCount / 1000)).toFixed(2)),
          unit: 'ms',
        },
        {
          name: 'syslog TCP: sustained events/s (RFC 5424 + CEF, octet counting)',
          value: Math.round(syslogResult.delivered / syslogSeconds),
          unit: 'events/s',
        },
        {
          name: 'syslog TCP: messages rsyslog wrote',
          value: syslogReceived,
          unit: 'events',
          target: `= ${syslogEvents}`,
          check: (v) => v === syslogEvents,
        },
        { name: 'peak RSS (exporter)', value: Math.round(rss.peak / 1024 / 1024), unit: 'MB' },
      ],
      notes: [
        `database: ${database.label}`,
        'HEC receiver in a child process (keeps counts only); rsyslog 8 private instance (imtcp → file)',
        'syslog has no application acknowledgement: "delivered" = written to the socket; the count is read back from rsyslog\'s file',
      ],
    };
  } finally {
    await hec.close().catch(() => {});
    await rsyslog.close();
    await database.close();
  }
}
