/**
 * A tenant with one GitHub connection pointed at a fresh simulator, plus helpers to scan and
 * read findings. Scans run through the real pipeline (runScan) and the real connector.
 */
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { loadConnectors } from '../../connectors/index.ts';
import { createConnection } from '../../db/connections.ts';
import { listFindingEvents, listFindings } from '../../db/finding-queries.ts';
import { createOrGetActiveScan, getScanById, type Scan } from '../../db/scans.ts';
import { scans } from '../../db/schema.ts';
import { createTenant } from '../../db/tenants.ts';
import { rules } from '../../rules/index.ts';
import { createLogger } from '../../runtime/logger.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import {
  type GitHubSimulator,
  type GitHubSimulatorOptions,
  startGitHubSimulator,
} from '../../sandbox/index.ts';
import { type RunScanOptions, runScan, type ScanDeps, type ScanOutcome } from '../../scanner/scan.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './db.ts';

export interface GitHubHarness {
  database: TestDatabase;
  deps: ScanDeps;
  sim: GitHubSimulator;
  tenantId: string;
  connectionId: string;
  /** Everything the pipeline logged, at debug level. */
  logs: string[];
  scan(options?: RunScanOptions): Promise<{ outcome: ScanOutcome; scan: Scan }>;
  /** `ruleId assetKey` of findings with this status. */
  findingKeys(status?: 'open' | 'resolved' | 'muted' | 'all'): Promise<string[]>;
  events(): ReturnType<typeof listFindingEvents>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  backend?: Backend;
  sim?: GitHubSimulatorOptions;
  /** 'app' (default) uses GitHub App auth; 'token' an owner's classic PAT. */
  auth?: 'app' | 'token';
  tenantSlug?: string;
  /** Reuse a database (several tenants in one). */
  database?: TestDatabase;
  /** Reuse a simulator (several tenants against one org). */
  simulator?: GitHubSimulator;
}

export const testKey = Buffer.alloc(32, 7);

export async function startGitHubHarness(options: HarnessOptions = {}): Promise<GitHubHarness> {
  const database = options.database ?? (await createTestDatabase(options.backend));
  const sim = options.simulator ?? (await startGitHubSimulator({ seed: 7, ...options.sim }));
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
  const tenant = await createTenant(database.db, options.tenantSlug ?? 'acme');
  const credentials =
    options.auth === 'token'
      ? { token: sim.token }
      : { appId: String(sim.app.appId), privateKey: sim.app.privateKey };
  const config: Record<string, string> = { org: sim.org, retryBaseMs: '5' };
  if (options.auth !== 'token') config.installationId = String(sim.app.installationId);
  const connection = await createConnection(database.db, box, {
    tenantId: tenant.id,
    provider: 'github',
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
    async scan(runOptions) {
      const { scan } = await createOrGetActiveScan(database.db, tenant.id, connection.id);
      const outcome = await runScan(deps, scan.id, runOptions);
      return { outcome, scan: (await getScanById(database.db, scan.id))! };
    },
    async findingKeys(status = 'open') {
      const rows = await listFindings(database.db, tenant.id, { status });
      return rows.map((f) => `${f.ruleId} ${f.assetKey}`).sort();
    },
    events: () => listFindingEvents(database.db, tenant.id),
    async close() {
      if (!options.simulator) await sim.close();
      if (!options.database) await database.close();
    },
  };
}

export function plantedKeys(planted: Array<{ ruleId: string; assetKey: string }>): string[] {
  return planted.map((p) => `${p.ruleId} ${p.assetKey}`).sort();
}

export async function activeScans(database: TestDatabase, connectionId: string) {
  return database.db.select().from(scans).where(eq(scans.connectionId, connectionId));
}
