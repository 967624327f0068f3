/**
 * One measured Microsoft 365 scan through the real pipeline (runScan, the connector, the
 * database): wall time, the calls the simulator served — Graph and SharePoint calls per
 * endpoint (a `$batch` is one call; its steps are counted apart) and the identity platform's —
 * peak RSS of this process, and a check of its open findings against the simulator's oracle.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createConnection } from '../db/connections.ts';
import { createOrGetActiveScan, getScanById, type Scan } from '../db/scans.ts';
import { createTenant } from '../db/tenants.ts';
import type { SecretBox } from '../runtime/secrets.ts';
import { runScan, type ScanDeps } from '../scanner/scan.ts';
import { peakMemorySampler } from './google-scan.ts';
import type { MicrosoftCallCounts, MicrosoftTarget, RemoteMicrosoftSimulator } from './microsoft-remote.ts';

export interface MicrosoftScanRun {
  wallMs: number;
  /** Graph and SharePoint calls (the identity platform left out); a `$batch` counts once. */
  apiCalls: number;
  /** Token and discovery calls to the identity platform. */
  identityCalls: number;
  /** `$batch` steps (permission reads) inside those calls. */
  batchSteps: number;
  /** API calls per endpoint (`METHOD template`). */
  byEndpoint: Record<string, number>;
  identityByEndpoint: Record<string, number>;
  /** Calls (and `$batch` steps) that did not answer 200, per `endpoint status`. */
  failures: Record<string, number>;
  peakRss: number;
  /** `process.memoryUsage()` at the sample with the highest RSS. */
  atPeak: NodeJS.MemoryUsage;
  /** V8 heap in use right after the scan, after a full garbage collection: what the scan left behind. */
  retainedHeap: number;
  scannerCpuSeconds: number;
  simulatorCpuSeconds: number;
  /** CPU seconds of this machine's PostgreSQL processes during the scan (null: not measurable). */
  postgresCpuSeconds: number | null;
  startRss: number;
  row: Scan;
}

export interface BenchConnection {
  tenantId: string;
  connectionId: string;
}

/**
 * A fresh tenant and connection (no stream state, assets or findings), configured as a national
 * cloud or a proxied tenant would be: the simulator's authority and Graph root, its CA trusted,
 * the SharePoint admin URL set, certificate credentials by thumbprint.
 */
export async function freshConnection(
  deps: ScanDeps & { box: SecretBox },
  sim: MicrosoftTarget,
  name: string,
): Promise<BenchConnection> {
  const tenant = await createTenant(deps.db, name);
  const connection = await createConnection(deps.db, deps.box, {
    tenantId: tenant.id,
    provider: 'microsoft-365',
    baseUrl: sim.graphBaseUrl,
    config: {
      tenantId: sim.tenantId,
      authority: new URL(sim.authority).origin,
      sharepointAdminUrl: sim.sharepointAdminUrl,
      caCertificate: sim.caPem,
      retryBaseMs: '5',
    },
    credentials: {
      clientId: sim.scanner.clientId,
      privateKey: sim.scanner.privateKeyPem,
      thumbprintSha256: sim.scanner.thumbprintSha256,
    },
  });
  return { tenantId: tenant.id, connectionId: connection.id };
}

/**
 * CPU seconds so far of every process named `postgres` on this machine (Linux /proc: utime +
 * stime, plus the children's times the postmaster reaped), or null elsewhere. A local server
 * only, and every database on it: meaningful while nothing else uses it.
 */
export function postgresCpuSeconds(): number | null {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      // Fields after the command: state is [0], utime [11], stime [12], cutime [13], cstime [14].
      const fields = stat.slice(close + 2).split(' ');
      for (const i of [11, 12, 13, 14]) ticks += Number(fields[i] ?? 0);
    }
    return ticks / 100; // USER_HZ
  } catch {
    return null;
  }
}

const isIdentity = (key: string) => key.includes(' /{tenant}/');

function delta(before: MicrosoftCallCounts, after: MicrosoftCallCounts) {
  const byEndpoint: Record<string, number> = {};
  const identityByEndpoint: Record<string, number> = {};
  const failures: Record<string, number> = {};
  let apiCalls = 0;
  let identityCalls = 0;
  let batchSteps = 0;
  const diff = (
    now: MicrosoftCallCounts['byEndpoint'],
    then: MicrosoftCallCounts['byEndpoint'],
    label: string,
    each: (key: string, calls: number) => void,
  ) => {
    for (const [key, { count, byStatus }] of Object.entries(now)) {
      const calls = count - (then[key]?.count ?? 0);
      if (calls <= 0) continue;
      for (const [status, n] of Object.entries(byStatus)) {
        const d = n - (then[key]?.byStatus[status] ?? 0);
        if (status !== '200' && d > 0) failures[`${label}${key} ${status}`] = d;
      }
      each(key, calls);
    }
  };
  diff(after.byEndpoint, before.byEndpoint, '', (key, calls) => {
    if (isIdentity(key)) {
      identityCalls += calls;
      identityByEndpoint[key] = calls;
    } else {
      apiCalls += calls;
      byEndpoint[key] = calls;
    }
  });
  diff(after.batchSteps, before.batchSteps, '$batch step ', (_key, calls) => {
    batchSteps += calls;
  });
  return { byEndpoint, identityByEndpoint, failures, apiCalls, identityCalls, batchSteps };
}

setFlagsFromString('--expose-gc');
/** V8's `gc()`, reachable without starting node with --expose-gc. */
const collectGarbage = runInNewContext('gc') as () => void;

/** A V8 CPU profile of this process (the scanner) while `work` runs, written to `path`. */
async function profiled<T>(path: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!path) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * Runs one scan and measures it; with `profile` (a file path) a CPU profile of the scanner
 * process is taken while it runs (the figures are then not the benchmark's).
 */
export async function measureScan(
  deps: ScanDeps,
  sim: RemoteMicrosoftSimulator,
  connection: BenchConnection,
  profile?: string,
): Promise<MicrosoftScanRun> {
  const before = await sim.stats();
  const postgresBefore = postgresCpuSeconds();
  const startRss = process.memoryUsage.rss();
  const cpu = process.cpuUsage();
  const memory = peakMemorySampler(50);
  const started = performance.now();
  const { scan } = await createOrGetActiveScan(deps.db, connection.tenantId, connection.connectionId);
  const outcome = await profiled(profile, () => runScan(deps, scan.id));
  const wallMs = performance.now() - started;
  const atPeak = memory.stop();
  const used = process.cpuUsage(cpu);
  const postgresAfter = postgresCpuSeconds();
  collectGarbage();
  const retainedHeap = process.memoryUsage().heapUsed;
  const row = (await getScanById(deps.db, scan.id)) as Scan;
  const after = await sim.stats();
  if (outcome.status !== 'succeeded')
    throw new Error(`bench scan ended ${outcome.status}: ${JSON.stringify(row.error)}`);
  // The next delta pass's floor is counted from the tenant as this scan left it.
  await sim.mark();
  return {
    wallMs,
    ...delta(before, after),
    peakRss: atPeak.rss,
    atPeak,
    retainedHeap,
    startRss,
    scannerCpuSeconds: (used.user + used.system) / 1e6,
    simulatorCpuSeconds: (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1e6,
    postgresCpuSeconds:
      postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore,
    row,
  };
}
