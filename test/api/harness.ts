/**
 * Two tenants, alpha and bravo, each with a GitHub connection to one simulator, scanned through
 * the real pipeline (so every table holds real rows for both), tokens for each and for the
 * installation, and the API built over the same database with a real in-process scan queue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type BuildOptions, build } from '../../api/app.ts';
import { createApiToken } from '../../api/tokens/issue.ts';
import { type Scope, scopes } from '../../api/tokens/scopes.ts';
import { ruleCatalog } from '../../db/export-events.ts';
import { listFindings } from '../../db/finding-queries.ts';
import type { Finding } from '../../db/findings.ts';
import type { Scan } from '../../db/scans.ts';
import { getTenant, type Tenant } from '../../db/tenants.ts';
import { rules } from '../../rules/index.ts';
import { createLogger } from '../../runtime/logger.ts';
import { startGitHubSimulator } from '../../sandbox/index.ts';
import { InProcessScanQueue } from '../../scanner/queue/in-process.ts';
import { createDestinationGuard } from '../../siem/destination-guard.ts';
import { addSink } from '../../siem/export-admin.ts';
import type { ExportDeps } from '../../siem/export-deps.ts';
import { periscopeProduct } from '../../siem/product.ts';
import { sinks } from '../../siem/sinks/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { type GitHubHarness, startGitHubHarness } from '../support/github-harness.ts';

export const tenantScopes = scopes.filter((s) => s !== 'tenants:admin');

export interface TenantFixture {
  tenant: Tenant;
  harness: GitHubHarness;
  connectionId: string;
  scan: Scan;
  findings: Finding[];
  /** Every tenant scope. */
  token: string;
  /** An export sink (type file) of this tenant. */
  sinkId: string;
}

export interface ApiHarness {
  app: FastifyInstance;
  database: TestDatabase;
  queue: InProcessScanQueue;
  alpha: TenantFixture;
  bravo: TenantFixture;
  /** Installation token with every scope. */
  adminToken: string;
  /** Every line the API logged. */
  logs: string[];
  /** The export wiring the API uses (to drain sinks in tests). */
  exports: ExportDeps;
  token(options: { tenant?: string; scopes: Scope[] }): Promise<string>;
  /** Another app over the same database and queue, with other options (closed by close()). */
  buildApp(options: Partial<BuildOptions>): Promise<FastifyInstance>;
  /** inject() with a bearer token. */
  call(token: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startApiHarness(
  options: Partial<Omit<BuildOptions, 'deps'>> = {},
): Promise<ApiHarness> {
  const database = await createTestDatabase();
  const sim = await startGitHubSimulator({ seed: 7 });
  const fixtures: TenantFixture[] = [];
  const exportDir = mkdtempSync(join(tmpdir(), 'periscope-api-export-'));
  let exportDeps: ExportDeps | undefined;
  for (const slug of ['alpha-q7x', 'bravo-k2m']) {
    const harness = await startGitHubHarness({ database, simulator: sim, tenantSlug: slug });
    const { scan } = await harness.scan();
    const tenant = await getTenant(database.db, slug);
    const { token } = await createApiToken(database.db, { tenant: slug, scopes: tenantScopes });
    const findings = await listFindings(database.db, tenant.id, { status: 'all' });
    exportDeps ??= {
      db: database.db,
      box: harness.deps.box,
      logger: harness.deps.logger,
      rules: ruleCatalog(rules),
      sinks,
      product: periscopeProduct,
      guard: createDestinationGuard({ allowPrivate: true }),
    };
    const sink = await addSink(exportDeps, tenant.id, {
      type: 'file',
      name: 'nightly-file',
      config: { path: join(exportDir, `${slug}.ndjson`) },
      secrets: {},
    });
    fixtures.push({
      tenant,
      harness,
      connectionId: harness.connectionId,
      scan,
      findings,
      token,
      sinkId: sink.id,
    });
  }
  const [alpha, bravo] = fixtures as [TenantFixture, TenantFixture];
  const { token: adminToken } = await createApiToken(database.db, { scopes: [...scopes] });
  const queue = new InProcessScanQueue(alpha.harness.deps, { attempts: 1, backoffMs: 1 });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const deps: BuildOptions['deps'] = {
    db: database.db,
    queue,
    rules,
    vault: { box: alpha.harness.deps.box, connectors: alpha.harness.deps.connectors },
    exports: exportDeps,
    checks: {
      database: async () => {
        await database.db.execute(sql`select 1`);
      },
    },
  };
  const logger = createLogger({ level: 'info', destination: sink });
  const app = await build({ deps, logger, rateLimit: false, ...options });
  const extraApps: FastifyInstance[] = [];
  return {
    app,
    database,
    queue,
    alpha,
    bravo,
    adminToken,
    logs,
    exports: exportDeps!,
    async token({ tenant, scopes: wanted }) {
      return (await createApiToken(database.db, { tenant, scopes: wanted })).token;
    },
    async buildApp(overrides) {
      const extra = await build({ deps, logger, rateLimit: false, ...overrides });
      extraApps.push(extra);
      return extra;
    },
    call(token, request) {
      const headers = { ...(request.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
      return app.inject({ ...request, headers });
    },
    async close() {
      for (const extra of extraApps) await extra.close();
      await app.close();
      await queue.close();
      await sim.close();
      await database.close();
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
}

/** The JSON body of a response. */
export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return response.json() as T;
}
