/**
 * A tenant with one Google Workspace connection pointed at a fresh simulator (service account
 * with domain-wide delegation, token URL and API root overridden as a real connection would
 * be), plus helpers to scan and read findings through the real pipeline.
 */
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { loadConnectors } from '../../connectors/index.ts';
import { createConnection, updateConnection } from '../../db/connections.ts';
import { listFindings } from '../../db/finding-queries.ts';
import { createOrGetActiveScan, getScanById, type Scan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import { rules } from '../../rules/index.ts';
import { createLogger } from '../../runtime/logger.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import {
  type GoogleSimulator,
  type GoogleSimulatorOptions,
  startGoogleSimulator,
} from '../../sandbox/index.ts';
import { InProcessDlpQueue } from '../../scanner/dlp-queue/in-process.ts';
import { type RunScanOptions, runScan, type ScanDeps, type ScanOutcome } from '../../scanner/scan.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './db.ts';
import { testKey } from './github-harness.ts';

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
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger: Logger = createLogger({ level: 'debug', destination: sink });
  const box = new SecretBox(testKey);
  const deps: ScanDeps = { db: database.db, box, logger, connectors: await loadConnectors(), rules };
  const dlp = options.dlp ? new InProcessDlpQueue(deps, { ratePerSecond: () => 1000 }) : null;
  if (dlp) deps.dlpQueue = dlp;
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
    async scan(runOptions) {
      const { scan } = await createOrGetActiveScan(database.db, tenant.id, connection.id);
      const outcome = await runScan(deps, scan.id, runOptions);
      if (dlp) await dlp.idle();
      return { outcome, scan: (await getScanById(database.db, scan.id))! };
    },
    async findingKeys(status = 'open') {
      const rows = await listFindings(database.db, tenant.id, { status });
      return rows.map((f) => `${f.ruleId} ${f.assetKey}`).sort();
    },
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
