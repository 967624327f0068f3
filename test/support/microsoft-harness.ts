/**
 * A tenant with one Microsoft 365 connection pointed at a fresh simulator: the connection's
 * authority, Graph root and trusted CA overridden as a sovereign-cloud or proxied connection
 * would be, then scans and findings through the real pipeline.
 */
import { createConnection, updateConnection } from '../../db/connections.ts';
import type { Scan } from '../../db/scans.ts';
import { createTenant } from '../../db/tenants.ts';
import {
  type MicrosoftSimulator,
  type MicrosoftSimulatorOptions,
  startMicrosoftSimulator,
} from '../../sandbox/index.ts';
import type { RunScanOptions, ScanDeps, ScanOutcome } from '../../scanner/scan.ts';
import { type Backend, createTestDatabase, type TestDatabase } from './db.ts';
import { connectionScans, startPipeline } from './pipeline.ts';

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
  const pipeline = await startPipeline(database, { dlp: options.dlp });
  const { deps, box, logs, dlp } = pipeline;
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
    ...connectionScans(pipeline, tenant.id, connection.id),
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
