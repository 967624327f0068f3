/** The benchmark's handle on a Microsoft 365 simulator running in a child process. */
import { type ChildProcess, fork } from 'node:child_process';
import type { MicrosoftSimulatorOptions } from '../sandbox/microsoft/index.ts';
import type { Floor } from './microsoft-floor.ts';
import type { MutationMode, MutationSummary } from './microsoft-mutations.ts';

type Counts = Record<string, { count: number; byStatus: Record<string, number> }>;

export interface MicrosoftCallCounts {
  /** HTTP calls per `METHOD template` (a `$batch` is one `POST /v1.0/$batch`). */
  byEndpoint: Counts;
  /** `$batch` steps per `METHOD template`. */
  batchSteps: Counts;
  /** The simulator process's CPU time so far. */
  cpu: NodeJS.CpuUsage;
}

export interface MicrosoftTenantSizes {
  users: number;
  guests: number;
  servicePrincipals: number;
  applications: number;
  delegatedGrants: number;
  appRoleAssignments: number;
  sites: number;
  teamSites: number;
  oneDrives: number;
  items: number;
  files: number;
  folders: number;
  oneDriveItems: number;
  teamSiteItems: number;
}

/** What a client needs to reach the simulator: its origin, authority, CA and the scanner app. */
export interface MicrosoftTarget {
  origin: string;
  graphBaseUrl: string;
  /** `https://127.0.0.1:<port>/<tenantId>`. */
  authority: string;
  sharepointAdminUrl: string;
  tenantId: string;
  caPem: string;
  scanner: { clientId: string; clientSecret: string; privateKeyPem: string; thumbprintSha256: string };
}

export interface RemoteMicrosoftSimulator extends MicrosoftTarget {
  pid: number;
  /** Milliseconds the child took to generate the tenant and listen. */
  startMs: number;
  stats(): Promise<MicrosoftCallCounts>;
  sizes(): Promise<MicrosoftTenantSizes>;
  /** The first-pass call floor. */
  floor(): Promise<Floor>;
  /** Remembers the tenant as the last scan saw it (drive log position, sites' modification times). */
  mark(): Promise<void>;
  /** The floor of a delta pass after the last `mark()`. */
  rescanFloor(): Promise<Floor>;
  /** `${ruleId} ${assetKey}` of every finding a scan of the tenant as it is now must have open (DLP off). */
  oracle(): Promise<string[]>;
  mutate(mode: MutationMode, count: number, seed: number): Promise<MutationSummary>;
  close(): Promise<void>;
}

type Reply = { id: number; value?: unknown; error?: string };

export async function startRemoteMicrosoftSimulator(
  options: MicrosoftSimulatorOptions,
): Promise<RemoteMicrosoftSimulator> {
  const child: ChildProcess = fork(new URL('./microsoft-simulator-child.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SIM_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, BENCH_MICROSOFT_SIM: JSON.stringify(options) },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      const error = new Error(`microsoft simulator process exited (${code})`);
      for (const p of pending.values()) p.reject(error);
      reject(error);
    });
  });
  exited.catch(() => {});
  const ready = new Promise<MicrosoftTarget & { startMs: number }>((resolve) => {
    child.on('message', (message: Reply & { ready?: never }) => {
      if (message.ready) return resolve(message.ready);
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.value);
    });
  });
  const ask = <T>(request: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, ...request });
    });
  const handle = await Promise.race([ready, exited]);
  return {
    ...handle,
    pid: child.pid as number,
    stats: () => ask({ type: 'stats' }),
    sizes: () => ask({ type: 'sizes' }),
    floor: () => ask({ type: 'floor' }),
    mark: () => ask({ type: 'mark' }),
    rescanFloor: () => ask({ type: 'rescanFloor' }),
    oracle: () => ask({ type: 'oracle' }),
    mutate: (mode, count, seed) => ask({ type: 'mutate', mode, count, seed }),
    async close() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      await ask({ type: 'close' }).catch(() => {});
      const timer = setTimeout(() => child.kill(), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}
