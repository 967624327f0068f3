/**
 * `npm run bench -- api`: 1,000,000 findings across 50 tenants in PostgreSQL (DATABASE_URL; PGlite
 * otherwise, which is not what the target is about), the API listening on loopback, and the
 * findings list under load from autocannon in a child process: p50/p99 latency and requests/s
 * per query shape (default listing, common filters, text search, a cursor page deep in the list).
 * Each request goes to a tenant in turn with that tenant's own token. Target: p99 ≤ 50 ms.
 * The notes carry each shape's EXPLAIN (plan, planning and run time); a fresh database also runs
 * the shapes of migration 0005 again without its indexes. BENCH_API_KEEP_DB=<name> loads the data
 * into that database once and reuses it in later runs (no before/after then).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type SQLWrapper, sql } from 'drizzle-orm';
import { build } from '../api/app.ts';
import { createApiToken } from '../api/tokens/issue.ts';
import { loadConnectors } from '../connectors/index.ts';
import { type Database, rowsOf } from '../db/client.ts';
import {
  type FindingPageRequest,
  type FindingSearch,
  findingFacetsQuery,
  findingPageQuery,
} from '../db/finding-search.ts';
import { rules } from '../rules/index.ts';
import { silentLogger } from '../runtime/logger.ts';
import { SecretBox } from '../runtime/secrets.ts';
import { InProcessScanQueue } from '../scanner/queue/in-process.ts';
import {
  type BenchTenant,
  createTenants,
  existingTenants,
  insertFindings,
  openKeptDatabase,
  ruleSlots,
} from './api-data.ts';
import type { LoadPlan, LoadResult, LoadShape } from './api-load.ts';
import type { BenchFigure, BenchResult } from './run.ts';
import { openBenchDatabase } from './support.ts';

const TENANTS = Number(process.env.BENCH_API_TENANTS ?? 50);
const FINDINGS = Number(process.env.BENCH_API_FINDINGS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 10);
/** A database name: load once, reuse in later runs (needs DATABASE_URL); default is a fresh one. */
const KEEP_DB = process.env.BENCH_API_KEEP_DB;
const TARGET_P99_MS = 50;
/** Migration 0005: provider and rule orders, text search, facets (its before/after runs these). */
const indexes0005 = [
  'findings_tenant_status_provider_rank_idx',
  'findings_tenant_status_rule_rank_idx',
  'findings_tenant_search_text_idx',
  'findings_tenant_status_facets_idx',
];
const beforeShapes = ['provider=github', 'rule=<one rule>', 'text q=report', 'facets=true'];

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

/**
 * EXPLAIN ANALYZE of a query as the API sends it: its top plan node and the median of five runs'
 * planning and execution times (the first run warms the caches).
 */
async function explain(db: Database, query: SQLWrapper): Promise<string> {
  const runs: Array<{ plan: string; planning: number; execution: number }> = [];
  for (let i = 0; i < 6; i++) {
    const [row] = rowsOf(await db.execute(sql`explain (analyze, format json) ${query}`)) as Array<
      Record<string, Array<{ Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }>>
    >;
    const result = Object.values(row!)[0]![0]!;
    runs.push({
      plan: describePlan(result.Plan),
      planning: result['Planning Time'],
      execution: result['Execution Time'],
    });
  }
  const timed = runs.slice(1).sort((a, b) => a.planning + a.execution - (b.planning + b.execution));
  const median = timed[Math.floor(timed.length / 2)]!;
  return `${median.plan}; plan ${median.planning.toFixed(2)} ms, run ${median.execution.toFixed(2)} ms`;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
}

/** The plan's nodes down to the first that reads the table or an index, e.g. "Limit > Index Scan (x_idx)". */
function describePlan(node: PlanNode): string {
  const here = node['Index Name'] ? `${node['Node Type']} (${node['Index Name']})` : node['Node Type'];
  // Follow the row source, not an InitPlan (the cursor's keyset row is one of those).
  const below = node.Plans?.find(
    (p) => p['Parent Relationship'] !== 'InitPlan' && p['Parent Relationship'] !== 'SubPlan',
  );
  return below ? `${here} > ${describePlan(below)}` : here;
}

export async function run(): Promise<BenchResult> {
  const serverUrl = process.env.DATABASE_URL;
  if (KEEP_DB && !serverUrl) throw new Error('BENCH_API_KEEP_DB needs DATABASE_URL (a PostgreSQL server)');
  const database =
    KEEP_DB && serverUrl ? await openKeptDatabase(serverUrl, KEEP_DB) : await openBenchDatabase();
  const notes = [`database: ${database.label}`];
  const db = database.db;
  try {
    const perTenant = Math.round(FINDINGS / TENANTS);
    const slots = ruleSlots();
    let tenants = await existingTenants(db);
    let loadSeconds: number | undefined;
    if (tenants.length === 0) {
      const loadStart = performance.now();
      tenants = await createTenants(db, TENANTS);
      for (const [index, tenant] of tenants.entries())
        await insertFindings(db, tenant, index, perTenant, slots);
      // Vacuum too: a settled table has its visibility map set (autovacuum), so index-only scans see it.
      await db.execute(sql`vacuum analyze`);
      loadSeconds = (performance.now() - loadStart) / 1000;
    } else if (tenants.length !== TENANTS) {
      throw new Error(
        `the kept database holds ${tenants.length} bench tenants, not ${TENANTS}: drop it to reload`,
      );
    } else {
      notes.push('data: reused from an earlier run (kept database)');
    }
    const [{ total }] = rowsOf(await db.execute(sql`select count(*)::int as total from findings`)) as [
      { total: number },
    ];
    process.stderr.write(
      `bench api: ${total} findings${loadSeconds === undefined ? ' (reused)' : ` in ${loadSeconds.toFixed(1)} s`}\n`,
    );

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
    let cursorAfter: string | undefined; // the first tenant's keyset position, for EXPLAIN
    for (const tenant of tenants) {
      // Five pages in, following nextCursor as a client would.
      let cursor: string | null = null;
      let lastId: string | undefined;
      for (let page = 0; page < 5; page++) {
        const response: { json(): unknown } = await app.inject({
          method: 'GET',
          url: `/v1/tenants/${tenant.slug}/findings?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
          headers: { authorization: `Bearer ${tokens.get(tenant.id)}` },
        });
        const body = response.json() as { items: Array<{ id: string }>; nextCursor: string | null };
        cursor = body.nextCursor;
        lastId = body.items.at(-1)?.id;
      }
      if (cursor) cursorRequests.push(list(tenant, `limit=50&cursor=${cursor}`));
      cursorAfter ??= lastId;
    }
    // Each shape with the search the API makes for it (db/finding-search.ts), to EXPLAIN.
    const open = { status: ['open' as const] };
    const bySeverity = { sort: 'severity', direction: 'desc', limit: 50 } as const;
    const plans: Array<LoadShape & { filter: FindingSearch; page: FindingPageRequest; facets?: true }> = [
      {
        name: 'default (open, -severity, 50)',
        requests: tenants.map((t) => list(t, 'limit=50')),
        filter: open,
        page: bySeverity,
      },
      {
        name: 'severity=high,critical',
        requests: tenants.map((t) => list(t, 'status=open&severity=high,critical&limit=50')),
        filter: { ...open, severity: ['high', 'critical'] },
        page: bySeverity,
      },
      {
        name: 'provider=github',
        requests: tenants.map((t) => list(t, 'status=open&provider=github&limit=50')),
        filter: { ...open, provider: ['github'] },
        page: bySeverity,
      },
      {
        name: 'rule=<one rule>',
        requests: tenants.map((t) => list(t, `status=open&rule=${popularRule}&limit=50`)),
        filter: { ...open, ruleId: [popularRule] },
        page: bySeverity,
      },
      {
        name: 'sort=-lastSeenAt',
        requests: tenants.map((t) => list(t, 'status=open&sort=-lastSeenAt&limit=50')),
        filter: open,
        page: { ...bySeverity, sort: 'lastSeenAt' },
      },
      {
        name: 'text q=report',
        requests: tenants.map((t) => list(t, 'status=open&q=report&limit=50')),
        filter: { ...open, text: 'report' },
        page: bySeverity,
      },
      {
        name: 'cursor page 6',
        requests: cursorRequests,
        filter: open,
        page: { ...bySeverity, ...(cursorAfter ? { after: cursorAfter } : {}) },
      },
      {
        name: 'facets=true',
        requests: tenants.map((t) => list(t, 'status=open&facets=true&limit=50')),
        filter: open,
        page: bySeverity,
        facets: true,
      },
    ];
    const shapes: LoadShape[] = plans.map(({ name, requests }) => ({ name, requests }));
    // The database's share of each shape: plan and run times of its queries, on the first tenant.
    const explainAll = async (label: string, which: typeof plans) => {
      for (const plan of which) {
        const queries: SQLWrapper[] = [findingPageQuery(db, tenants[0]!.id, plan.filter, plan.page)];
        if (plan.facets) queries.push(findingFacetsQuery(db, tenants[0]!.id, plan.filter));
        notes.push(
          `explain ${label}${plan.name}: ${(await Promise.all(queries.map((q) => explain(db, q)))).join(' + ')}`,
        );
      }
    };
    await explainAll('', plans);

    const results = await runLoad({ url, connections: CONNECTIONS, durationSeconds: SECONDS, shapes });
    // Before/after: the shapes that migration 0005's indexes serve, without them (a fresh
    // database only: a kept one would have to rebuild them).
    let before: LoadResult[] = [];
    if (!KEEP_DB) {
      await db.execute(sql.raw(`drop index ${indexes0005.join(', ')}`));
      const served = plans.filter((p) => beforeShapes.includes(p.name));
      await explainAll('without the 0005 indexes, ', served);
      before = await runLoad({ url, connections: CONNECTIONS, durationSeconds: SECONDS, shapes: served });
    }
    await app.close();
    await queue.close();

    const figures: BenchFigure[] = [];
    for (const r of before)
      figures.push(
        { name: `without 0005 indexes, ${r.name}: p50`, value: r.p50, unit: 'ms' },
        { name: `without 0005 indexes, ${r.name}: p99`, value: r.p99, unit: 'ms' },
        { name: `without 0005 indexes, ${r.name}: requests/s`, value: r.rps, unit: 'req/s' },
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
    if (loadSeconds !== undefined)
      figures.push({ name: 'data load (insert + vacuum analyze)', value: loadSeconds, unit: 's' });
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
