/**
 * A tenant with one Anthropic connection pointed at a fresh simulator (admin key, base URL
 * override as a real connection would set it), plus helpers to scan and read findings through
 * the real pipeline.
 */
import { createConnection, updateConnection } from '../../db/connections.ts';
import { updatePolicy } from '../../db/policy.ts';
import type { Scan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import {
  type AnthropicSimulator,
  type AnthropicSimulatorOptions,
  startAnthropicSimulator,
} from '../../sandbox/index.ts';
import type { RunScanOptions, ScanDeps, ScanOutcome } from '../../scanner/scan.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './db.ts';
import { connectionScans, startPipeline } from './pipeline.ts';

export interface AnthropicHarness {
  database: TestDatabase;
  deps: ScanDeps;
  sim: AnthropicSimulator;
  tenantId: string;
  connectionId: string;
  logs: string[];
  scan(options?: RunScanOptions): Promise<{ outcome: ScanOutcome; scan: Scan }>;
  findingKeys(status?: 'open' | 'resolved' | 'muted' | 'all'): Promise<string[]>;
  /** The oracle's findings as `ruleId assetKey`, sorted. */
  expectedKeys(policy?: Parameters<AnthropicSimulator['expectedViolations']>[0]): string[];
  setConfig(patch: Record<string, string>): Promise<void>;
  setPolicy(patch: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
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
  const database = await createTestDatabase(options.backend);
  const sim = await startAnthropicSimulator({ seed: 1, ...options.sim });
  const pipeline = await startPipeline(database);
  const { deps, box, logs } = pipeline;
  const tenant = await createTenant(database.db, 'acme');
  let config: Record<string, string> = { ...options.config };
  const credentials = options.credentials?.(sim) ?? { adminKey: sim.adminKey };
  const connection = await createConnection(database.db, box, {
    tenantId: tenant.id,
    provider: 'anthropic',
    baseUrl: sim.baseUrl,
    config,
    credentials,
  });
  return {
    database,
    deps,
    sim,
    tenantId: tenant.id,
    connectionId: connection.id,
    logs,
    ...connectionScans(pipeline, tenant.id, connection.id),
    expectedKeys: (policy) =>
      sim
        .expectedViolations(policy)
        .map((v) => `${v.ruleId} ${v.assetKey}`)
        .sort(),
    async setConfig(patch) {
      config = { ...config, ...patch };
      await updateConnection(database.db, box, tenant.id, connection.id, {
        baseUrl: sim.baseUrl,
        config,
        credentials,
      });
    },
    async setPolicy(patch) {
      await updatePolicy(database.db, tenant.id, patch);
    },
    async close() {
      await sim.close();
      await database.close();
    },
  };
}
