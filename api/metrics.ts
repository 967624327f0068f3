/**
 * Prometheus metrics, read from the database (and the BullMQ queue) at scrape time, so every API
 * process reports the same installation-wide figures whichever process ran the scans. There is
 * no SIEM export yet, so no export-lag metric: it is absent rather than a made-up 0.
 */
import { sql } from 'drizzle-orm';
import { Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.ts';
import { BullScanQueue } from '../scanner/queue/bullmq.ts';
import type { ScanQueue } from '../scanner/queue/types.ts';

/** Scan durations are taken from scans finished in this window (a histogram rebuilt per scrape). */
export const durationWindowDays = 7;

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: unknown[] }).rows ?? []) as T[];
}

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
