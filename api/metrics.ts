/**
 * Prometheus metrics, read from the database (and the BullMQ queue) at scrape time, so every API
 * process reports the same installation-wide figures whichever process ran the scans. There is
 * no SIEM export yet, so no export-lag metric: it is absent rather than a made-up 0.
 */
import { sql } from 'drizzle-orm';
import { Gauge, Histogram, Registry } from 'prom-client';
import { type Database, rowsOf } from '../db/client.ts';
import { BullScanQueue } from '../scanner/queue/bullmq.ts';
import type { ScanQueue } from '../scanner/queue/types.ts';

/** Scan durations are taken from scans finished in this window (a histogram rebuilt per scrape). */
export const durationWindowDays = 7;

export function createMetricsRegistry(db: Database, queue: ScanQueue): Registry {
  const registry = new Registry();
  new Gauge({
    name: 'periscope_scans',
    help: 'Stored scans by status and provider',
    labelNames: ['status', 'provider'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = rowsOf<{ status: string; provider: string; n: number }>(
        await db.execute(sql`select s.status, c.provider, count(*)::int as n from scans s
          join connections c on c.id = s.connection_id group by 1, 2`),
      );
      for (const r of rows) this.set({ status: r.status, provider: r.provider }, Number(r.n));
    },
  });
  new Histogram({
    name: 'periscope_scan_duration_seconds',
    help: `Duration of scans finished in the last ${durationWindowDays} days, by provider and final status`,
    labelNames: ['provider', 'status'],
    buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = rowsOf<{ provider: string; status: string; seconds: number }>(
        await db.execute(sql`select c.provider, s.status,
            extract(epoch from s.finished_at - s.started_at)::float8 as seconds
          from scans s join connections c on c.id = s.connection_id
          where s.finished_at is not null and s.started_at is not null
            and s.finished_at > now() - make_interval(days => ${durationWindowDays})`),
      );
      for (const r of rows) this.observe({ provider: r.provider, status: r.status }, Number(r.seconds));
    },
  });
  new Gauge({
    name: 'periscope_vendor_http_calls',
    help: 'Vendor HTTP calls recorded by stored scans, by provider and HTTP status ("error" = no response)',
    labelNames: ['provider', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = rowsOf<{ provider: string; status: string; n: number }>(
        await db.execute(sql`select c.provider, kv.key as status, sum(kv.value::bigint)::float8 as n
          from scans s join connections c on c.id = s.connection_id
          cross join lateral jsonb_each_text(coalesce(s.http_stats->'byStatus', '{}'::jsonb)) kv
          group by 1, 2`),
      );
      for (const r of rows) this.set({ provider: r.provider, status: r.status }, Number(r.n));
    },
  });
  new Gauge({
    name: 'periscope_open_findings',
    help: 'Open findings by severity and provider, all tenants',
    labelNames: ['severity', 'provider'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = rowsOf<{ severity: string; provider: string; n: number }>(
        await db.execute(sql`select severity, provider, count(*)::int as n from findings
          where status = 'open' group by 1, 2`),
      );
      for (const r of rows) this.set({ severity: r.severity, provider: r.provider }, Number(r.n));
    },
  });
  registerExportMetrics(db, registry);
  if (queue instanceof BullScanQueue) {
    new Gauge({
      name: 'periscope_queue_jobs',
      help: 'Scan jobs in the BullMQ queue by state',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        const counts = await queue.queue.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'failed',
          'prioritized',
        );
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }
  return registry;
}

/** Per export sink: events waiting, age of the oldest, dead letters, delivered so far, paused. */
function registerExportMetrics(db: Database, registry: Registry): void {
  type Row = {
    tenant: string;
    sink: string;
    type: string;
    state: string;
    delivered: number;
    lag: number;
    age: number;
    dead: number;
  };
  // prom-client collects all metrics of a scrape at once: they share one query.
  let loading: Promise<Row[]> | undefined;
  const load = () =>
    (loading ??= (async () => {
      try {
        return rowsOf<Row>(
          await db.execute(sql`select t.slug as tenant, s.name as sink, s.type, s.state, s.delivered::float8 as delivered,
              (select count(*) from finding_events e where e.tenant_id = s.tenant_id and e.id > s.cursor)::float8 as lag,
              coalesce(extract(epoch from now() - (select e.at from finding_events e
                where e.tenant_id = s.tenant_id and e.id > s.cursor order by e.id limit 1)), 0)::float8 as age,
              (select count(*) from export_dead_letters d where d.sink_id = s.id and d.replayed_at is null)::float8 as dead
            from export_sinks s join tenants t on t.id = s.tenant_id`),
        );
      } finally {
        setTimeout(() => {
          loading = undefined;
        }, 0);
      }
    })());
  const gauge = (name: string, help: string, value: (r: Row) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['tenant', 'sink', 'type'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const r of await load()) this.set({ tenant: r.tenant, sink: r.sink, type: r.type }, value(r));
      },
    });
  gauge('periscope_export_lag_events', 'Outbox events the sink has not acknowledged', (r) => Number(r.lag));
  gauge(
    'periscope_export_lag_seconds',
    'Age of the oldest event the sink has not acknowledged (0 when caught up)',
    (r) => Math.max(0, Number(r.age)),
  );
  gauge('periscope_export_dead_letters', 'Events the sink refused for good and that were not replayed', (r) =>
    Number(r.dead),
  );
  gauge('periscope_export_delivered_events', 'Events the sink acknowledged since it was added', (r) =>
    Number(r.delivered),
  );
  gauge('periscope_export_paused', '1 when the sink is paused by a permanent refusal', (r) =>
    r.state === 'paused' ? 1 : 0,
  );
}

const registries = new WeakMap<object, Registry>();

/** One registry per app (its deps object), made on first scrape. */
export function metricsRegistryFor(deps: { db: Database; queue: ScanQueue }): Registry {
  let registry = registries.get(deps);
  if (!registry) {
    registry = createMetricsRegistry(deps.db, deps.queue);
    registries.set(deps, registry);
  }
  return registry;
}
