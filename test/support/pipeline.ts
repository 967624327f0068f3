/**
 * What every connector harness shares: the real scan pipeline's dependencies with logs captured,
 * an optional in-process DLP queue, and scan/findings helpers for one connection.
 */
import { Writable } from 'node:stream';
import { loadConnectors } from '../../connectors/index.ts';
import { createConnection, updateConnection } from '../../db/connections.ts';
import { listFindings } from '../../db/finding-queries.ts';
import { updatePolicy } from '../../db/policy.ts';
import { createOrGetActiveScan, getScanById, type Scan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import { rules } from '../../rules/index.ts';
import { createLogger } from '../../runtime/logger.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import { InProcessDlpQueue } from '../../scanner/dlp-queue/in-process.ts';
import type { Provider } from '../../scanner/model.ts';
import { type RunScanOptions, runScan, type ScanDeps, type ScanOutcome } from '../../scanner/scan.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './db.ts';
import { testKey } from './github-harness.ts';

export interface Pipeline {
  deps: ScanDeps;
  box: SecretBox;
  /** Everything the pipeline logged, at debug level. */
  logs: string[];
  dlp: InProcessDlpQueue | null;
}

export async function startPipeline(
  database: TestDatabase,
  options: { dlp?: boolean } = {},
): Promise<Pipeline> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const box = new SecretBox(testKey);
  const deps: ScanDeps = {
    db: database.db,
    box,
    logger: createLogger({ level: 'debug', destination: sink }),
    connectors: await loadConnectors(),
    rules,
  };
  const dlp = options.dlp ? new InProcessDlpQueue(deps, { ratePerSecond: () => 1000 }) : null;
  if (dlp) deps.dlpQueue = dlp;
  return { deps, box, logs, dlp };
}

export function connectionScans(pipeline: Pipeline, tenantId: string, connectionId: string) {
  const { db } = pipeline.deps;
  return {
    /** One scan through runScan, then waits for its content inspections. */
    async scan(runOptions?: RunScanOptions): Promise<{ outcome: ScanOutcome; scan: Scan }> {
      const { scan } = await createOrGetActiveScan(db, tenantId, connectionId);
      const outcome = await runScan(pipeline.deps, scan.id, runOptions);
      if (pipeline.dlp) await pipeline.dlp.idle();
      return { outcome, scan: (await getScanById(db, scan.id))! };
    },
    /** `ruleId assetKey` of findings with this status, sorted. */
    async findingKeys(status: 'open' | 'resolved' | 'muted' | 'all' = 'open'): Promise<string[]> {
      const rows = await listFindings(db, tenantId, { status });
      return rows.map((f) => `${f.ruleId} ${f.assetKey}`).sort();
    },
  };
}

/** One tenant with one connection on the real pipeline: what every vendor harness starts from. */
export interface ConnectionHarness {
  database: TestDatabase;
  deps: ScanDeps;
  tenantId: string;
  connectionId: string;
  logs: string[];
  dlp: InProcessDlpQueue | null;
  scan(options?: RunScanOptions): Promise<{ outcome: ScanOutcome; scan: Scan }>;
  findingKeys(status?: 'open' | 'resolved' | 'muted' | 'all'): Promise<string[]>;
  /** Merges into the connection's config. */
  setConfig(patch: Record<string, string>): Promise<void>;
  /** Replaces the connection's credentials. */
  setCredentials(credentials: Record<string, unknown>): Promise<void>;
  setPolicy(patch: Record<string, unknown>): Promise<void>;
  /** Closes the DLP queue and the database (the caller closes its simulator). */
  close(): Promise<void>;
}

export interface ConnectionHarnessOptions {
  backend?: Backend;
  dlp?: boolean;
  /** Tenant policy patch applied before the connection is made. */
  policy?: Record<string, unknown>;
  provider: Provider;
  baseUrl: string;
  config: Record<string, string>;
  credentials: Record<string, unknown>;
}

export async function startConnectionHarness(options: ConnectionHarnessOptions): Promise<ConnectionHarness> {
  const database = await createTestDatabase(options.backend);
  const pipeline = await startPipeline(database, { dlp: options.dlp });
  const { deps, box, logs, dlp } = pipeline;
  const tenant = await createTenant(database.db, 'acme');
  if (options.policy) await updatePolicy(database.db, tenant.id, options.policy);
  let { config, credentials } = options;
  const connection = await createConnection(database.db, box, {
    tenantId: tenant.id,
    provider: options.provider,
    baseUrl: options.baseUrl,
    config,
    credentials,
  });
  const save = () =>
    updateConnection(database.db, box, tenant.id, connection.id, {
      baseUrl: options.baseUrl,
      config,
      credentials,
    });
  return {
    database,
    deps,
    tenantId: tenant.id,
    connectionId: connection.id,
    logs,
    dlp,
    ...connectionScans(pipeline, tenant.id, connection.id),
    async setConfig(patch) {
      config = { ...config, ...patch };
      await save();
    },
    async setCredentials(next) {
      credentials = next;
      await save();
    },
    async setPolicy(patch) {
      await updatePolicy(database.db, tenant.id, patch);
    },
    async close() {
      await dlp?.close();
      await database.close();
    },
  };
}
