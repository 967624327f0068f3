/** The benchmark's handle on a GitHub simulator running in a worker thread (simulator-worker.ts). */
import { Worker } from 'node:worker_threads';
import type { GitHubSimulator, GitHubSimulatorOptions } from '../sandbox/index.ts';
import { generateGitHubTenant } from '../sandbox/index.ts';

export interface SimulatorStats {
  total: number;
  notModified: number;
  byEndpoint: Record<string, { count: number; byStatus: Record<string, number> }>;
}

export type RemoteGitHubSimulator = Pick<GitHubSimulator, 'baseUrl' | 'org' | 'app' | 'token'> & {
  /** The same generated tenant (same seed and size), rebuilt here for sizes and the page floor. */
  tenant: GitHubSimulator['tenant'];
  stats(): Promise<SimulatorStats>;
  close(): Promise<void>;
};

export async function startRemoteGitHubSimulator(
  options: GitHubSimulatorOptions,
): Promise<RemoteGitHubSimulator> {
  const worker = new Worker(new URL('./simulator-worker.js', import.meta.url), {
    workerData: options,
  });
  const pending = new Map<number, (value: { stats?: SimulatorStats }) => void>();
  let nextId = 0;
  const ready = new Promise<Pick<GitHubSimulator, 'baseUrl' | 'org' | 'app' | 'token'>>((resolve, reject) => {
    worker.once('error', reject);
    worker.on(
      'message',
      (message: {
        id?: number;
        ready?: Pick<GitHubSimulator, 'baseUrl' | 'org' | 'app' | 'token'>;
        stats?: SimulatorStats;
      }) => {
        if (message.ready) return resolve(message.ready);
        if (message.id !== undefined) pending.get(message.id)?.(message);
      },
    );
  });
  const ask = (type: 'stats' | 'close') =>
    new Promise<{ stats?: SimulatorStats }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ id, type });
    });
  const handle = await ready;
  const { tenant } = generateGitHubTenant({ seed: options.seed, size: options.size });
  return {
    ...handle,
    tenant,
    stats: async () => (await ask('stats')).stats!,
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}
