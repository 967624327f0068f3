/**
 * `npm run bench -- ai-vendors`: a full scan of a simulated OpenAI organization (500 projects,
 * 20,000 project keys) and of an Anthropic organization (200 workspaces, 5,000 keys) through the
 * real pipeline (runScan, the connector with its vendor SDK, the database); its calls against the
 * floor (one call per page of every list it must read, at the largest page size); its open
 * findings against the simulator's oracle; and a bare fetch + JSON.parse of the same lists. Each
 * simulator runs in a child process, so this process is the scanner alone.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConnectors } from '../connectors/index.ts';
import { createConnection } from '../db/connections.ts';
import { createOrGetActiveScan, getScanById, type Scan } from '../db/scans.ts';
import { createTenant } from '../db/tenants.ts';
import { rules } from '../rules/index.ts';
import { createLogger } from '../runtime/logger.ts';
import { SecretBox } from '../runtime/secrets.ts';
import { runScan, type ScanDeps } from '../scanner/scan.ts';
import { type BareRun, bareAnthropic, bareOpenAI } from './ai-bare.ts';
import {
  type AiCallCounts,
  type AiSimulatorSpec,
  type RemoteAiSimulator,
  startRemoteAiSimulator,
} from './ai-remote.ts';
import { streamSeconds } from './google-scan.ts';
import { postgresCpuSeconds } from './microsoft-scan.ts';
import type { BenchFigure, BenchResult } from './run.ts';
import { compareWithOracle, mb, openBenchDatabase, rssSampler } from './support.ts';

/** BENCH_AI_SCALE scales both organizations down (e.g. 0.1 for a quick run). */
const SCALE = Number(process.env.BENCH_AI_SCALE ?? 1);
const SEED = 11;

const vendors: Array<{ spec: AiSimulatorSpec; bare: (sim: RemoteAiSimulator) => Promise<BareRun> }> = [
  {
    spec: {
      vendor: 'openai',
      seed: SEED,
      size: { projects: Math.round(500 * SCALE), keys: Math.round(20_000 * SCALE) },
    },
    bare: (sim) => bareOpenAI(sim),
  },
  {
    spec: {
      vendor: 'anthropic',
      seed: SEED,
      size: { workspaces: Math.round(200 * SCALE), apiKeys: Math.round(5_000 * SCALE) },
    },
    bare: (sim) => bareAnthropic(sim),
  },
];

interface VendorRun {
  vendor: string;
  sizes: Record<string, number>;
  scan: {
    wallMs: number;
    calls: number;
    failures: Record<string, number>;
    peakRss: number;
    /** CPU seconds of this process and of the machine's PostgreSQL during the scan. */
    scannerCpuSeconds: number;
    postgresCpuSeconds: number | null;
    row: Scan;
  };
  bare: BareRun;
  check: { expected: number; open: number; missing: number; unexpected: number; sample: string[] };
}

export async function run(): Promise<BenchResult> {
  const database = await openBenchDatabase();
  const logs: string[] = [];
  const deps: ScanDeps & { box: SecretBox } = {
    db: database.db,
    box: new SecretBox(randomBytes(32)),
    logger: createLogger({
      level: 'warn',
      destination: new Writable({
        write(chunk, _encoding, done) {
          logs.push(String(chunk));
          done();
        },
      }),
    }),
    connectors: await loadConnectors(),
    rules,
  };
  const log = (line: string) => process.stderr.write(`[ai-vendors] ${line}\n`);
  const runs: VendorRun[] = [];
  try {
    for (const { spec, bare } of vendors) {
      const sim = await startRemoteAiSimulator(spec);
      try {
        const sizes = await sim.sizes();
        log(
          `${spec.vendor}: ${JSON.stringify(sizes)} (generated in ${(sim.startMs / 1000).toFixed(1)} s); full scan…`,
        );
        const connection = await freshConnection(deps, spec.vendor, sim);
        const scan = await measureScan(deps, sim, connection);
        log(`${spec.vendor}: scan ${(scan.wallMs / 1000).toFixed(1)} s, ${scan.calls} calls; bare fetch…`);
        const check = await compareWithOracle(deps, sim, connection);
        const bareRun = await bare(sim);
        log(`${spec.vendor}: bare ${(bareRun.wallMs / 1000).toFixed(1)} s, ${bareRun.calls} calls`);
        runs.push({ vendor: spec.vendor, sizes, scan, bare: bareRun, check });
      } finally {
        await sim.close();
      }
    }
  } finally {
    await database.close();
  }
  return report(runs, database.label, logs);
}

async function freshConnection(deps: ScanDeps & { box: SecretBox }, vendor: string, sim: RemoteAiSimulator) {
  const tenant = await createTenant(deps.db, `bench-${vendor}`);
  const connection = await createConnection(deps.db, deps.box, {
    tenantId: tenant.id,
    provider: vendor as 'openai' | 'anthropic',
    baseUrl: sim.baseUrl,
    config: {},
    credentials: { adminKey: sim.adminKey },
  });
  return { tenantId: tenant.id, connectionId: connection.id };
}

function callsBetween(before: AiCallCounts, after: AiCallCounts) {
  let calls = 0;
  const failures: Record<string, number> = {};
  for (const [key, { count, byStatus }] of Object.entries(after.byEndpoint)) {
    calls += count - (before.byEndpoint[key]?.count ?? 0);
    for (const [status, n] of Object.entries(byStatus)) {
      const d = n - (before.byEndpoint[key]?.byStatus[status] ?? 0);
      if (status !== '200' && d > 0) failures[`${key} ${status}`] = d;
    }
  }
  return { calls, failures };
}

async function measureScan(
  deps: ScanDeps,
  sim: RemoteAiSimulator,
  connection: { tenantId: string; connectionId: string },
): Promise<VendorRun['scan']> {
  const before = await sim.stats();
  const rss = rssSampler();
  rss.start();
  const postgresBefore = postgresCpuSeconds();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { scan } = await createOrGetActiveScan(deps.db, connection.tenantId, connection.connectionId);
  const outcome = await runScan(deps, scan.id);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const postgresAfter = postgresCpuSeconds();
  rss.stop();
  const row = (await getScanById(deps.db, scan.id)) as Scan;
  if (outcome.status === 'failed') throw new Error(`bench scan failed: ${JSON.stringify(row.error)}`);
  return {
    wallMs,
    ...callsBetween(before, await sim.stats()),
    peakRss: rss.peak,
    scannerCpuSeconds: (used.user + used.system) / 1e6,
    postgresCpuSeconds:
      postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore,
    row,
  };
}

function report(runs: VendorRun[], databaseLabel: string, logs: string[]): BenchResult {
  const sizes: Record<string, number> = {};
  const figures: BenchFigure[] = [];
  const notes: string[] = [`database: ${databaseLabel}`];
  for (const r of runs) {
    for (const [k, v] of Object.entries(r.sizes)) sizes[`${r.vendor}.${k}`] = v;
    const seconds = r.scan.wallMs / 1000;
    figures.push(
      { name: `${r.vendor}: full scan`, value: seconds, unit: 's' },
      { name: `${r.vendor}: API calls`, value: r.scan.calls, unit: 'calls' },
      { name: `${r.vendor}: call floor (bare walk)`, value: r.bare.calls, unit: 'calls' },
      {
        name: `${r.vendor}: calls ÷ floor`,
        value: r.scan.calls / r.bare.calls,
        unit: '×',
        target: '≤ 1.05',
        check: (v) => v <= 1.05,
      },
      { name: `${r.vendor}: bare fetch-and-parse`, value: r.bare.wallMs / 1000, unit: 's' },
      {
        name: `${r.vendor}: scan ÷ bare`,
        value: r.scan.wallMs / r.bare.wallMs,
        unit: '×',
        target: '≤ 2',
        check: (v) => v <= 2,
      },
      { name: `${r.vendor}: scanner CPU during the scan`, value: r.scan.scannerCpuSeconds, unit: 's' },
      ...(r.scan.postgresCpuSeconds === null
        ? []
        : [
            {
              name: `${r.vendor}: PostgreSQL CPU during the scan`,
              value: r.scan.postgresCpuSeconds,
              unit: 's',
            },
          ]),
      { name: `${r.vendor}: bare client CPU`, value: r.bare.clientCpuSeconds, unit: 's' },
      { name: `${r.vendor}: peak RSS`, value: mb(r.scan.peakRss), unit: 'MB' },
      {
        name: `${r.vendor}: findings ≠ oracle`,
        value: r.check.missing + r.check.unexpected,
        unit: 'findings',
        target: '= 0',
        check: (v) => v === 0,
      },
    );
    notes.push(
      `${r.vendor}: scan ${r.scan.row.status}; streams (s): ${streamSeconds(r.scan.row)}`,
      `${r.vendor}: ${r.check.open} open findings, oracle ${r.check.expected}${r.check.sample.length ? `; ${r.check.sample.join('; ')}` : ''}`,
    );
    if (Object.keys(r.scan.failures).length > 0)
      notes.push(`${r.vendor}: non-200 answers ${JSON.stringify(r.scan.failures)}`);
  }
  if (logs.length > 0) notes.push(`${logs.length} warnings logged; first: ${logs[0]?.slice(0, 300)}`);
  return { sizes, figures, notes };
}
