/**
 * A tenant with one Gemini connection pointed at a fresh simulator (the simulator's service
 * account and Gemini API key, its origin as the base URL, as a real connection would set a
 * proxy), plus helpers to scan and read findings through the real pipeline.
 */
import { createConnection, updateConnection } from '../../db/connections.ts';
import { updatePolicy } from '../../db/policy.ts';
import type { Scan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import {
  type GeminiSimulator,
  type GeminiSimulatorOptions,
  startGeminiSimulator,
} from '../../sandbox/index.ts';
import type { InProcessDlpQueue } from '../../scanner/dlp-queue/in-process.ts';
import type { RunScanOptions, ScanDeps, ScanOutcome } from '../../scanner/scan.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './db.ts';
import { connectionScans, startPipeline } from './pipeline.ts';

export interface GeminiHarness {
  database: TestDatabase;
  deps: ScanDeps;
  sim: GeminiSimulator;
  tenantId: string;
  connectionId: string;
  logs: string[];
  dlp: InProcessDlpQueue | null;
  scan(options?: RunScanOptions): Promise<{ outcome: ScanOutcome; scan: Scan }>;
  findingKeys(status?: 'open' | 'resolved' | 'muted' | 'all'): Promise<string[]>;
  /** Replaces the connection's secrets (e.g. drop the Gemini key, or a broken service-account key). */
  setCredentials(credentials: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
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
  const database = await createTestDatabase(options.backend);
  const sim = await startGeminiSimulator({ seed: 1, ...options.sim });
  const pipeline = await startPipeline(database, { dlp: options.dlp });
  const { deps, box, logs, dlp } = pipeline;
  const tenant = await createTenant(database.db, 'acme');
  if (options.policy) await updatePolicy(database.db, tenant.id, options.policy);
  const config: Record<string, string> = { projectId: sim.projectId, retryBaseMs: '1', ...options.config };
  let credentials = options.credentials?.(sim) ?? {
    serviceAccountKey: JSON.stringify(sim.serviceAccount),
    geminiApiKey: sim.geminiApiKey,
  };
  const connection = await createConnection(database.db, box, {
    tenantId: tenant.id,
    provider: 'gemini',
    baseUrl: sim.origin,
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
      credentials = next;
      await updateConnection(database.db, box, tenant.id, connection.id, {
        baseUrl: sim.origin,
        config,
        credentials,
      });
    },
    async close() {
      await dlp?.close();
      await sim.close();
      await database.close();
    },
  };
}
