import { createConnection } from '../db/connections.ts';
import { createOrGetActiveScan, getScanById, type Scan } from '../db/scans.ts';
import { createTenant } from '../db/tenants.ts';
import type { SecretBox } from '../runtime/secrets.ts';
import { runScan, type ScanDeps } from '../scanner/scan.ts';
import type { GoogleCallCounts, RemoteGoogleSimulator } from './google-remote.ts';

export const TOKEN_ENDPOINT = 'POST /token';

export interface GoogleScanRun {
  wallMs: number;
  /** API calls (the token endpoint left out). */
  apiCalls: number;
  tokenCalls: number;
  /** API calls per endpoint (`METHOD template`). */
  byEndpoint: Record<string, number>;
  /** Calls that did not answer 200, per `endpoint status`. */
  failures: Record<string, number>;
  peakRss: number;
  /** `process.memoryUsage()` at the sample with the highest RSS. */
  atPeak: NodeJS.MemoryUsage;
  /** CPU seconds of this process (the scanner) and of the simulator's during the scan. */
  scannerCpuSeconds: number;
  simulatorCpuSeconds: number;
  /** RSS when the scan started. */
  startRss: number;
  row: Scan;
}

/**
 * Samples this process's RSS every `everyMs` (the cheap `memoryUsage.rss()`), keeping the full
 * `memoryUsage()` of the highest sample, so the peak can be split into V8 heap and the rest.
 */
export function peakMemorySampler(everyMs = 50) {
  let peak = process.memoryUsage();
  const sample = () => {
    if (process.memoryUsage.rss() > peak.rss) peak = process.memoryUsage();
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return peak;
    },
  };
}

export interface BenchConnection {
  tenantId: string;
  connectionId: string;
}

/** A fresh tenant and connection: no stream state, no assets, no findings. */
export async function freshConnection(
  deps: ScanDeps & { box: SecretBox },
  sim: RemoteGoogleSimulator,
  name: string,
): Promise<BenchConnection> {
  const tenant = await createTenant(deps.db, name);
  const connection = await createConnection(deps.db, deps.box, {
    tenantId: tenant.id,
    provider: 'google-workspace',
    baseUrl: sim.origin,
    config: {
      adminEmail: sim.adminEmail,
      customerId: sim.customerId,
      tokenUrl: sim.tokenUrl,
      retryBaseMs: '5',
    },
    credentials: { serviceAccountKey: sim.serviceAccount },
  });
  return { tenantId: tenant.id, connectionId: connection.id };
}

function delta(before: GoogleCallCounts, after: GoogleCallCounts) {
  const byEndpoint: Record<string, number> = {};
  const failures: Record<string, number> = {};
  let tokenCalls = 0;
  let apiCalls = 0;
  for (const [key, { count, byStatus }] of Object.entries(after.byEndpoint)) {
    const calls = count - (before.byEndpoint[key]?.count ?? 0);
    if (calls <= 0) continue;
    for (const [status, n] of Object.entries(byStatus)) {
      const d = n - (before.byEndpoint[key]?.byStatus[status] ?? 0);
      if (status !== '200' && d > 0) failures[`${key} ${status}`] = d;
    }
    if (key === TOKEN_ENDPOINT) tokenCalls += calls;
    else {
      apiCalls += calls;
      byEndpoint[key] = calls;
    }
  }
  return { byEndpoint, failures, tokenCalls, apiCalls };
}

export async function measureScan(
  deps: ScanDeps,
  sim: RemoteGoogleSimulator,
  connection: BenchConnection,
): Promise<GoogleScanRun> {
  const before = await sim.stats();
  const startRss = process.memoryUsage.rss();
  const cpu = process.cpuUsage();
  const memory = peakMemorySampler(50);
  const started = performance.now();
  const { scan } = await createOrGetActiveScan(deps.db, connection.tenantId, connection.connectionId);
  const outcome = await runScan(deps, scan.id);
  const wallMs = performance.now() - started;
  const atPeak = memory.stop();
  const used = process.cpuUsage(cpu);
  const row = (await getScanById(deps.db, scan.id)) as Scan;
  const after = await sim.stats();
  if (outcome.status !== 'succeeded')
    throw new Error(`bench scan ended ${outcome.status}: ${JSON.stringify(row.error)}`);
  return {
    wallMs,
    ...delta(before, after),
    peakRss: atPeak.rss,
    atPeak,
    startRss,
    scannerCpuSeconds: (used.user + used.system) / 1e6,
    simulatorCpuSeconds: (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1e6,
    row,
  };
}

/** Seconds each stream took (they overlap: the scan reads two at once). */
export function streamSeconds(row: Scan): string {
  return Object.entries(row.streams)
    .filter(([, s]) => s.startedAt && s.finishedAt)
    .map(([name, s]) => {
      const seconds = (new Date(s.finishedAt ?? 0).getTime() - new Date(s.startedAt ?? 0).getTime()) / 1000;
      return `${name} ${seconds.toFixed(1)}`;
    })
    .join(', ');
}
