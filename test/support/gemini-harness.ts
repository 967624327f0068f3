/**
 * A tenant with one Gemini connection pointed at a fresh simulator (the simulator's service
 * account and Gemini API key, its origin as the base URL, as a real connection would set a
 * proxy), plus helpers to scan and read findings through the real pipeline.
 */
import {
  type GeminiSimulator,
  type GeminiSimulatorOptions,
  startGeminiSimulator,
} from '../../sandbox/index.ts';
import type { Backend } from './db.ts';
import { type ConnectionHarness, startConnectionHarness } from './pipeline.ts';

export interface GeminiHarness extends ConnectionHarness {
  sim: GeminiSimulator;
}

export interface GeminiHarnessOptions {
  backend?: Backend;
  sim?: GeminiSimulatorOptions;
  config?: Record<string, string>;
  /** Queue DLP inspections in process. */
  dlp?: boolean;
  /** Other credentials than the simulator's service account + Gemini API key. */
  credentials?: (sim: GeminiSimulator) => Record<string, unknown>;
  /** Tenant policy (e.g. another rotationDays). */
  policy?: Record<string, unknown>;
}

export async function startGeminiHarness(options: GeminiHarnessOptions = {}): Promise<GeminiHarness> {
  const sim = await startGeminiSimulator({ seed: 1, ...options.sim });
  const harness = await startConnectionHarness({
    backend: options.backend,
    dlp: options.dlp,
    policy: options.policy,
    provider: 'gemini',
    baseUrl: sim.origin,
    config: { projectId: sim.projectId, retryBaseMs: '1', ...options.config },
    credentials: options.credentials?.(sim) ?? {
      serviceAccountKey: JSON.stringify(sim.serviceAccount),
      geminiApiKey: sim.geminiApiKey,
    },
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
