/**
 * A tenant with one Microsoft 365 connection pointed at a fresh simulator: the connection's
 * authority, Graph root and trusted CA overridden as a sovereign-cloud or proxied connection
 * would be, then scans and findings through the real pipeline.
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
  type MicrosoftSimulator,
  type MicrosoftSimulatorOptions,
  startMicrosoftSimulator,
} from '../../sandbox/index.ts';
import { InProcessDlpQueue } from '../../scanner/dlp-queue/in-process.ts';
import { type RunScanOptions, runScan, type ScanDeps, type ScanOutcome } from '../../scanner/scan.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './db.ts';
import { testKey } from './github-harness.ts';

export interface MicrosoftHarness {
  database: TestDatabase;
  deps: ScanDeps;
  sim: MicrosoftSimulator;
  tenantId: string;
  connectionId: string;
  logs: string[];
  scan(options?: RunScanOptions): Promise<{ outcome: ScanOutcome; scan: Scan }>;
  findingKeys(status?: 'open' | 'resolved' | 'muted' | 'all'): Promise<string[]>;
  setConfig(patch: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface MicrosoftHarnessOptions {
  backend?: Backend;
  sim?: MicrosoftSimulatorOptions;
  config?: Record<string, string>;
  /** 'certificate' (default: SharePoint admin API readable) or 'secret'. */
  credential?: 'certificate' | 'secret';
  dlp?: boolean;
}

export async function startMicrosoftHarness(
  options: MicrosoftHarnessOptions = {},
): Promise<MicrosoftHarness> {
  const database = await createTestDatabase(options.backend);
  const sim = await startMicrosoftSimulator({ seed: 1, ...options.sim });
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
  const tenant = await createTenant(database.db, 'contoso');
  let config: Record<string, string> = {
    tenantId: sim.tenantId,
    authority: new URL(sim.authority).origin,
    sharepointAdminUrl: sim.sharepointAdminUrl,
    caCertificate: sim.caPem,
    retryBaseMs: '1',
    ...options.config,
  };
  const { scanner } = sim;
  const credentials =
    options.credential === 'secret'
      ? { clientId: scanner.clientId, clientSecret: scanner.clientSecret }
      : {
          clientId: scanner.clientId,
          privateKey: scanner.certificate.privateKeyPem,
          thumbprintSha256: scanner.certificate.thumbprintSha256,
        };
  const connection = await createConnection(database.db, box, {
    tenantId: tenant.id,
    provider: 'microsoft-365',
    baseUrl: sim.graphBaseUrl,
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
        baseUrl: sim.graphBaseUrl,
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
