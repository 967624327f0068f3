/** The benchmark's handle on a Google Workspace simulator running in a child process. */
import { type ChildProcess, fork } from 'node:child_process';
import type { GoogleSimulatorOptions, ServiceAccountKey } from '../sandbox/index.ts';
import type { MutationMode, MutationSummary } from './google-mutations.ts';

export interface GoogleCallCounts {
  total: number;
  byEndpoint: Record<string, { count: number; byStatus: Record<string, number> }>;
  /** The simulator process's CPU time so far. */
  cpu: NodeJS.CpuUsage;
}

export interface GoogleTenantSizes {
  users: number;
  activeUsers: number;
  oauthTokens: number;
  files: number;
  sharedDrives: number;
  policies: number;
  changes: number;
}

export interface RemoteGoogleSimulator {
  origin: string;
  tokenUrl: string;
  adminEmail: string;
  customerId: string;
  serviceAccount: ServiceAccountKey;
  pid: number;
  /** Milliseconds the child took to generate the tenant and listen. */
  startMs: number;
  stats(): Promise<GoogleCallCounts>;
  floor(): Promise<Record<string, number>>;
  sizes(): Promise<GoogleTenantSizes>;
  /** `${ruleId} ${assetKey}` of every finding a full scan of the tenant as it is now must have open. */
  oracle(): Promise<string[]>;
  mutate(mode: MutationMode, count: number, seed: number): Promise<MutationSummary>;
  /**
   * Access tokens issued by the simulator itself: the admin with each scope set and every active
   * user with `userScopes`, keyed `email scopes` (space-joined).
   */
  issue(adminScopeSets: string[][], userScopes: string[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

type Reply = { id: number; value?: unknown; error?: string };

export async function startRemoteGoogleSimulator(
  options: GoogleSimulatorOptions,
): Promise<RemoteGoogleSimulator> {
  const child: ChildProcess = fork(new URL('./google-simulator-child.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SIM_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, BENCH_GOOGLE_SIM: JSON.stringify(options) },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      const error = new Error(`google simulator process exited (${code})`);
      for (const p of pending.values()) p.reject(error);
      reject(error);
    });
  });
  exited.catch(() => {});
  const ready = new Promise<
    Omit<RemoteGoogleSimulator, 'pid' | 'stats' | 'floor' | 'sizes' | 'oracle' | 'mutate' | 'issue' | 'close'>
  >((resolve) => {
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
    floor: () => ask({ type: 'floor' }),
    sizes: () => ask({ type: 'sizes' }),
    oracle: () => ask({ type: 'oracle' }),
    mutate: (mode, count, seed) => ask({ type: 'mutate', mode, count, seed }),
    issue: (adminScopeSets, userScopes) => ask({ type: 'issue', adminScopeSets, userScopes }),
    async close() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      await ask({ type: 'close' }).catch(() => {});
      const timer = setTimeout(() => child.kill(), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}
