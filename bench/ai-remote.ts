/** The benchmark's handle on an OpenAI or Anthropic simulator running in a child process. */
import { fork } from 'node:child_process';

export interface AiSimulatorSpec {
  vendor: 'openai' | 'anthropic';
  seed: number;
  size: Record<string, number>;
}

/** What a client needs: the SDK base URL (OpenAI's with /v1) and the scanner's admin key. */
export interface AiTarget {
  baseUrl: string;
  adminKey: string;
}

export type AiChildRequest = { id: number; type: 'stats' | 'oracle' | 'sizes' | 'close' };

export interface AiCallCounts {
  byEndpoint: Record<string, { count: number; byStatus: Record<string, number> }>;
  cpu: NodeJS.CpuUsage;
}

export interface RemoteAiSimulator extends AiTarget {
  pid: number;
  startMs: number;
  stats(): Promise<AiCallCounts>;
  /** `${ruleId} ${assetKey}` of every finding a scan of the organization must have open. */
  oracle(): Promise<string[]>;
  sizes(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

type Reply = { id: number; value?: unknown; error?: string; ready?: AiTarget & { startMs: number } };

export async function startRemoteAiSimulator(spec: AiSimulatorSpec): Promise<RemoteAiSimulator> {
  const child = fork(new URL('./ai-simulator-child.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_AI_SIM: JSON.stringify(spec) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      const error = new Error(`${spec.vendor} simulator process exited (${code})`);
      for (const p of pending.values()) p.reject(error);
      reject(error);
    });
  });
  exited.catch(() => {});
  const ready = new Promise<AiTarget & { startMs: number }>((resolve) => {
    child.on('message', (message: Reply) => {
      if (message.ready) return resolve(message.ready);
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.value);
    });
  });
  const ask = <T>(type: AiChildRequest['type']): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, type });
    });
  const handle = await Promise.race([ready, exited]);
  return {
    ...handle,
    pid: child.pid as number,
    stats: () => ask('stats'),
    oracle: () => ask('oracle'),
    sizes: () => ask('sizes'),
    async close() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      await ask('close').catch(() => {});
      const timer = setTimeout(() => child.kill(), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}
