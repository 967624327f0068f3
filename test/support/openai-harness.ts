/**
 * A tenant with one OpenAI connection pointed at a fresh simulator (the SDK baseURL override a
 * proxied connection would set), the scanner's admin key and, unless told otherwise, its project
 * keys; then scans and findings through the real pipeline.
 */
import { createConnection, updateConnection } from '../../db/connections.ts';
import { updatePolicy } from '../../db/policy.ts';
import type { Scan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import {
  type OpenAISimulator,
  type OpenAISimulatorOptions,
  startOpenAISimulator,
} from '../../sandbox/index.ts';
import type { InProcessDlpQueue } from '../../scanner/dlp-queue/in-process.ts';
import type { RunScanOptions, ScanDeps, ScanOutcome } from '../../scanner/scan.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './db.ts';
import { connectionScans, startPipeline } from './pipeline.ts';

export interface OpenAIHarness {
  database: TestDatabase;
  deps: ScanDeps;
  sim: OpenAISimulator;
  tenantId: string;
  connectionId: string;
  logs: string[];
  dlp: InProcessDlpQueue | null;
  scan(options?: RunScanOptions): Promise<{ outcome: ScanOutcome; scan: Scan }>;
  findingKeys(status?: 'open' | 'resolved' | 'muted' | 'all'): Promise<string[]>;
  /** Replaces the connection's credentials (another admin key, other project keys). */
  setCredentials(credentials: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
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
  const database = await createTestDatabase(options.backend);
  const sim = await startOpenAISimulator({ seed: 1, ...options.sim });
  const pipeline = await startPipeline(database, { dlp: options.dlp });
  const { deps, box, logs, dlp } = pipeline;
  const tenant = await createTenant(database.db, 'acme');
  if (options.policy) await updatePolicy(database.db, tenant.id, options.policy);
  const config = { maxRetries: '4', ...options.config };
  const projectKeys =
    options.projectKeys === false
      ? undefined
      : options.projectKeys
        ? options.projectKeys
        : JSON.stringify(sim.projectKeys()); // as `--secret projectKeys=@keys.json` delivers it
  const credentials: Record<string, unknown> = {
    adminKey: sim.adminKey,
    ...(projectKeys ? { projectKeys } : {}),
  };
  const connection = await createConnection(database.db, box, {
    tenantId: tenant.id,
    provider: 'openai',
    baseUrl: sim.baseURL,
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
    dlp,
    ...connectionScans(pipeline, tenant.id, connection.id),
    async setCredentials(next) {
      await updateConnection(database.db, box, tenant.id, connection.id, {
        baseUrl: sim.baseURL,
        config,
        credentials: next,
      });
    },
    async close() {
      await dlp?.close();
      await sim.close();
      await database.close();
    },
  };
}
