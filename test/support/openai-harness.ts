/**
 * A tenant with one OpenAI connection pointed at a fresh simulator (the SDK baseURL override a
 * proxied connection would set), the scanner's admin key and, unless told otherwise, its project
 * keys; then scans and findings through the real pipeline.
 */
import {
  type OpenAISimulator,
  type OpenAISimulatorOptions,
  startOpenAISimulator,
} from '../../sandbox/index.ts';
import type { Backend } from './db.ts';
import { type ConnectionHarness, startConnectionHarness } from './pipeline.ts';

export interface OpenAIHarness extends ConnectionHarness {
  sim: OpenAISimulator;
}

export interface OpenAIHarnessOptions {
  backend?: Backend;
  sim?: OpenAISimulatorOptions;
  config?: Record<string, string>;
  /** Tenant policy (stored as the tenant's JSON policy). */
  policy?: Record<string, unknown>;
  /** `false`: admin key only; a record: these project keys; default: the simulator's, as a JSON text (`=@file`). */
  projectKeys?: false | Record<string, string>;
  dlp?: boolean;
}

export async function startOpenAIHarness(options: OpenAIHarnessOptions = {}): Promise<OpenAIHarness> {
  const sim = await startOpenAISimulator({ seed: 1, ...options.sim });
  const projectKeys =
    options.projectKeys === false ? undefined : (options.projectKeys ?? JSON.stringify(sim.projectKeys())); // as `--secret projectKeys=@keys.json` delivers it
  const harness = await startConnectionHarness({
    backend: options.backend,
    dlp: options.dlp,
    policy: options.policy,
    provider: 'openai',
    baseUrl: sim.baseURL,
    config: { maxRetries: '4', ...options.config },
    credentials: { adminKey: sim.adminKey, ...(projectKeys ? { projectKeys } : {}) },
  });
  return {
    ...harness,
    sim,
    async close() {
      await harness.close();
      await sim.close();
    },
  };
}
