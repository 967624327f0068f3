/**
 * A tenant with one Anthropic connection pointed at a fresh simulator (admin key, base URL
 * override as a real connection would set it), plus helpers to scan and read findings through
 * the real pipeline.
 */
import {
  type AnthropicSimulator,
  type AnthropicSimulatorOptions,
  startAnthropicSimulator,
} from '../../sandbox/index.ts';
import type { Backend } from './db.ts';
import { type ConnectionHarness, startConnectionHarness } from './pipeline.ts';

export interface AnthropicHarness extends ConnectionHarness {
  sim: AnthropicSimulator;
  /** The oracle's findings as `ruleId assetKey`, sorted. */
  expectedKeys(policy?: Parameters<AnthropicSimulator['expectedViolations']>[0]): string[];
}

export interface AnthropicHarnessOptions {
  backend?: Backend;
  sim?: AnthropicSimulatorOptions;
  config?: Record<string, string>;
  /** Other credentials than the simulator's admin key. */
  credentials?: (sim: AnthropicSimulator) => Record<string, unknown>;
}

export async function startAnthropicHarness(
  options: AnthropicHarnessOptions = {},
): Promise<AnthropicHarness> {
  const sim = await startAnthropicSimulator({ seed: 1, ...options.sim });
  const harness = await startConnectionHarness({
    backend: options.backend,
    provider: 'anthropic',
    baseUrl: sim.baseUrl,
    config: { ...options.config },
    credentials: options.credentials?.(sim) ?? { adminKey: sim.adminKey },
  });
  return {
    ...harness,
    sim,
    expectedKeys: (policy) =>
      sim
        .expectedViolations(policy)
        .map((v) => `${v.ruleId} ${v.assetKey}`)
        .sort(),
    async close() {
      await harness.close();
      await sim.close();
    },
  };
}
