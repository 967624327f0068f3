/**
 * `npm run bench -- api`: 1,000,000 findings across 50 tenants in PostgreSQL (DATABASE_URL; PGlite
 * otherwise, which is not what the target is about), the API listening on loopback, and the
 * findings list under load from autocannon in a child process: p50/p99 latency and requests/s
 * per query shape (default listing, common filters, text search, a cursor page deep in the list).
 * Each request goes to a tenant in turn with that tenant's own token. Target: p99 ≤ 50 ms.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { build } from '../api/app.ts';
import { createApiToken } from '../api/tokens/issue.ts';
import { loadConnectors } from '../connectors/index.ts';
import { severityRank } from '../db/finding-queries.ts';
import { rules } from '../rules/index.ts';
import { silentLogger } from '../runtime/logger.ts';
import { SecretBox } from '../runtime/secrets.ts';
import { InProcessScanQueue } from '../scanner/queue/in-process.ts';
import { type BenchTenant, createTenants, insertFindings, rowsOf, ruleSlots } from './api-data.ts';
import type { LoadPlan, LoadResult, LoadShape } from './api-load.ts';
import type { BenchFigure, BenchResult } from './run.ts';
import { openBenchDatabase } from './support.ts';

const TENANTS = Number(process.env.BENCH_API_TENANTS ?? 50);
const FINDINGS = Number(process.env.BENCH_API_FINDINGS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 10);
const TARGET_P99_MS = 50;
const beforeShapes = ['default (open, -severity, 50)', 'sort=-lastSeenAt', 'cursor page 6'];

function runLoad(plan: LoadPlan): Promise<LoadResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'api-load.ts')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(
        out
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as LoadResult),
      );
    });
    child.stdin.end(JSON.stringify(plan));
  });
}

export async function run(): Promise<BenchResult> {
  const database = await openBenchDatabase();
  const notes = [`database: ${database.label}`];
  const db = database.db;
  try {
    const perTenant = Math.round(FINDINGS / TENANTS);
    const tenants = await createTenants(db, TENANTS);
    const slots = ruleSlots();
    const loadStart = performance.now();
    for (const [index, tenant] of tenants.entries())
      await insertFindings(db, tenant, index, perTenant, slots);
    await db.execute(sql`analyze`);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const [{ total }] = rowsOf(await db.execute(sql`select count(*)::int as total from findings`)) as [
      { total: number },
    ];
    process.stderr.write(`bench api: ${total} findings in ${loadSeconds.toFixed(1)} s\n`);

    const tokens = new Map<string, string>();
    for (const tenant of tenants)
      tokens.set(
        tenant.id,
        (await createApiToken(db, { tenant: tenant.slug, scopes: ['findings:read'] })).token,
      );

    const box = new SecretBox(randomBytes(32));
    const queue = new InProcessScanQueue({
      db,
      box,
      logger: silentLogger,
      connectors: await loadConnectors(),
      rules,
    });
    // The production app with its rate limiter on, set above the offered load (600/min would throttle it).
    const app = await build({
      deps: { db, queue, rules, checks: {} },
      rateLimit: { max: 10_000_000, timeWindowMs: 60_000 },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const popularRule = slots[0]!.rule_id;
    const list = (tenant: BenchTenant, query: string) => ({
      path: `/v1/tenants/${tenant.slug}/findings?${query}`,
      token: tokens.get(tenant.id)!,
    });
    const cursorRequests = [];
    for (const tenant of tenants) {
      // Five pages in, following nextCursor as a client would.
      let cursor: string | null = null;
      for (let page = 0; page < 5; page++) {
        const response: { json(): unknown } = await app.inject({
          method: 'GET',
          url: `/v1/tenants/${tenant.slug}/findings?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
          headers: { authorization: `Bearer ${tokens.get(tenant.id)}` },
        });
        cursor = (response.json() as { nextCursor: string | null }).nextCursor;
      }
      if (cursor) cursorRequests.push(list(tenant, `limit=50&cursor=${cursor}`));
    }
    const shapes: LoadShape[] = [
      { name: 'default (open, -severity, 50)', requests: tenants.map((t) => list(t, 'limit=50')) },
      {
        name: 'severity=high,critical',
        requests: tenants.map((t) => list(t, 'status=open&severity=high,critical&limit=50')),
      },
      {
        name: 'provider=github',
        requests: tenants.map((t) => list(t, 'status=open&provider=github&limit=50')),
      },
      {
        name: 'rule=<one rule>',
        requests: tenants.map((t) => list(t, `status=open&rule=${popularRule}&limit=50`)),
      },
      {
        name: 'sort=-lastSeenAt',
        requests: tenants.map((t) => list(t, 'status=open&sort=-lastSeenAt&limit=50')),
      },
      { name: 'text q=report', requests: tenants.map((t) => list(t, 'status=open&q=report&limit=50')) },
      { name: 'cursor page 6', requests: cursorRequests },
      { name: 'facets=true', requests: tenants.map((t) => list(t, 'status=open&facets=true&limit=50')) },
    ];
    // Plans of the shapes, for the notes (what an index changes shows here first).
    const explain = async (label: string, query: ReturnType<typeof sql>) => {
      const plan = rowsOf(await db.execute(sql`explain (analyze, timing off) ${query}`)) as Array<
        Record<string, string>
      >;
      const top = plan.map((r) => Object.values(r)[0]).slice(0, 3);
      notes.push(`plan ${label}: ${top.join(' / ').replace(/\s+/g, ' ')}`);
    };
    const defaultListSql = sql`select id from findings where tenant_id = ${tenants[0]!.id} and status in ('open')
      order by ${sql.raw(severityRank)} desc, id desc limit 51`;
    await explain('default', defaultListSql);

    const results = await runLoad({ url, connections: CONNECTIONS, durationSeconds: SECONDS, shapes });
    // Before/after: the same shapes without the list indexes of migration 0002.
    await db.execute(sql`drop index findings_tenant_status_rank_idx, findings_tenant_status_last_seen_idx`);
    await explain('default without the 0002 indexes', defaultListSql);
    const before = await runLoad({
      url,
      connections: CONNECTIONS,
      durationSeconds: SECONDS,
      shapes: shapes.filter((s) => beforeShapes.includes(s.name)),
    });
    await app.close();
    await queue.close();

    const figures: BenchFigure[] = [];
    for (const r of before)
      figures.push(
        { name: `without 0002 indexes, ${r.name}: p50`, value: r.p50, unit: 'ms' },
        { name: `without 0002 indexes, ${r.name}: p99`, value: r.p99, unit: 'ms' },
        { name: `without 0002 indexes, ${r.name}: requests/s`, value: r.rps, unit: 'req/s' },
      );
    for (const r of results) {
      figures.push(
        { name: `${r.name}: p50`, value: r.p50, unit: 'ms' },
        {
          name: `${r.name}: p99`,
          value: r.p99,
          unit: 'ms',
          target: `≤ ${TARGET_P99_MS}`,
          check: (v) => v <= TARGET_P99_MS,
        },
        { name: `${r.name}: requests/s`, value: r.rps, unit: 'req/s' },
      );
      if (r.non2xx > 0 || r.errors > 0)
        notes.push(`${r.name}: ${r.non2xx} non-2xx responses, ${r.errors} connection errors`);
    }
    figures.push({ name: 'data load (insert + analyze)', value: loadSeconds, unit: 's' });
    notes.push(
      `load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per shape, in a child process; requests rotate over the ${TENANTS} tenants, each with its own findings:read token`,
    );
    return {
      sizes: { tenants: TENANTS, findings: total, findingsPerTenant: perTenant, connections: CONNECTIONS },
      figures,
      notes,
    };
  } finally {
    await database.close();
  }
}
