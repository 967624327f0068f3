/**
 * A tenant with one Google Workspace connection pointed at a fresh simulator (service account
 * with domain-wide delegation, token URL and API root overridden as a real connection would
 * be), plus helpers to scan and read findings through the real pipeline.
 */
import { createConnection, updateConnection } from '../../db/connections.ts';
import type { Scan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import {
  type GoogleSimulator,
  type GoogleSimulatorOptions,
  startGoogleSimulator,
} from '../../sandbox/index.ts';
import type { InProcessDlpQueue } from '../../scanner/dlp-queue/in-process.ts';
import type { RunScanOptions, ScanDeps, ScanOutcome } from '../../scanner/scan.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './db.ts';
import { connectionScans, startPipeline } from './pipeline.ts';

export interface GoogleHarness {
  database: TestDatabase;
  deps: ScanDeps;
  sim: GoogleSimulator;
  tenantId: string;
  connectionId: string;
  logs: string[];
  dlp: InProcessDlpQueue | null;
  scan(options?: RunScanOptions): Promise<{ outcome: ScanOutcome; scan: Scan }>;
  findingKeys(status?: 'open' | 'resolved' | 'muted' | 'all'): Promise<string[]>;
  /** Changes the connection's non-secret config (e.g. another adminEmail). */
  setConfig(patch: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface GoogleHarnessOptions {
  backend?: Backend;
  sim?: GoogleSimulatorOptions;
  config?: Record<string, string>;
  /** Queue DLP inspections in process (files' content is read from the simulator). */
  dlp?: boolean;
  /** Other credentials than the simulator's service-account key (e.g. an OAuth admin's). */
  credentials?: (sim: GoogleSimulator) => Record<string, unknown>;
}

export async function startGoogleHarness(options: GoogleHarnessOptions = {}): Promise<GoogleHarness> {
  const database = await createTestDatabase(options.backend);
  const sim = await startGoogleSimulator({ seed: 1, ...options.sim });
  const pipeline = await startPipeline(database, { dlp: options.dlp });
  const { deps, box, logs, dlp } = pipeline;
  const tenant = await createTenant(database.db, 'acme');
  let config: Record<string, string> = {
    adminEmail: sim.adminEmail,
    customerId: sim.customerId,
    tokenUrl: sim.tokenUrl,
    retryBaseMs: '1',
    ...options.config,
  };
  const credentials = options.credentials?.(sim) ?? { serviceAccountKey: sim.serviceAccount };
  const connection = await createConnection(database.db, box, {
    tenantId: tenant.id,
    provider: 'google-workspace',
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
    async setConfig(patch) {
      config = { ...config, ...patch };
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
