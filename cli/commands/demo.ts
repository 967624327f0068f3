/**
 * `periscope demo`: starts the vendor simulators on loopback, points a `demo` tenant at them
 * (creating or refreshing one connection per simulated provider), scans and prints a summary.
 * Everything runs in this process on the embedded defaults unless the env says otherwise.
 */
import type { Command } from 'commander';
import { startServer } from '../../api/server.ts';
import { createApiToken, revokeToken } from '../../api/tokens/issue.ts';
import { builtDashboardDir } from '../../api/web/serve-dashboard.ts';
import { createConnection, listConnections, updateConnection } from '../../db/connections.ts';
import type { Scan } from '../../db/scans.ts';
import { ensureTenant } from '../../db/tenants.ts';
import type { App } from '../../runtime/app.ts';
import {
  startAnthropicSimulator,
  startGeminiSimulator,
  startGitHubSimulator,
  startGoogleSimulator,
  startMicrosoftSimulator,
  startOpenAISimulator,
} from '../../sandbox/index.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { startInProcessScheduler } from '../../scanner/queue/in-process-scheduler.ts';
import { requestScans } from '../../scanner/queue/request.ts';
import { verifyConnection } from '../../scanner/verify-connection.ts';
import { withApp } from '../context.ts';
import { type DemoConnect, demoConnectService } from '../demo-connect.ts';
import { note, print } from '../output.ts';
import { followScans } from '../scan-progress.ts';
import { printScanSummary } from '../scan-summary.ts';
import { exitCodeFor } from './scan.ts';
import { untilSignal } from './worker.ts';

interface SimulatedConnection {
  provider: string;
  baseUrl: string;
  config: Record<string, string>;
  secrets: Record<string, string>;
}

/** Creates the connection, or refreshes it: simulator ports and keys change on every start. */
async function upsertDemoConnection(app: App, tenantId: string, sim: SimulatedConnection): Promise<void> {
  const verified = await verifyConnection(app.connectors, { tenantId, ...sim }, app.logger);
  const existing = (await listConnections(app.database.db, tenantId)).find(
    (c) => c.name === `demo-${sim.provider}`,
  );
  const values = { baseUrl: sim.baseUrl, config: verified.config, credentials: verified.credentials };
  if (existing) await updateConnection(app.database.db, app.box, tenantId, existing.id, values);
  else
    await createConnection(app.database.db, app.box, {
      tenantId,
      provider: verified.provider,
      name: `demo-${sim.provider}`,
      ...values,
    });
}

/**
 * Serves the API and the dashboard on loopback with a read-only token for the demo tenant,
 * printed once here and revoked when the demo stops. Returns the function that stops both.
 */
async function serveDemoApi(app: App, port: number, connect: DemoConnect): Promise<() => Promise<void>> {
  const server = await startServer(app, {
    host: '127.0.0.1',
    port,
    webRoot: builtDashboardDir,
    connect: connect.service,
  });
  connect.setPublicUrl(server.url);
  const created = await createApiToken(app.database.db, {
    tenant: 'demo',
    scopes: ['findings:read'],
    name: 'periscope demo',
  });
  note(`Dashboard: ${server.url}/ (log in with the token below)`);
  note(`REST API: ${server.url}/v1/tenants/demo/findings (docs: ${server.url}/docs)`);
  note('read-only token for the demo tenant (shown once, revoked when the demo stops):');
  print(created.token);
  return async () => {
    await server.close();
    await revokeToken(app.database.db, created.row.id);
  };
}

function parseDemoPort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535)
    throw new PeriscopeError('config_invalid', `--api-port "${value}" is not a port number (0-65535)`);
  return port;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('scan simulated vendor tenants on loopback and print the findings (no servers needed)')
    .option('--once', 'scan once and exit instead of running until Ctrl-C')
    .option(
      '--api-port <port>',
      'port of the REST API and dashboard served while the demo runs; 0 picks a free one',
      '0',
    )
    .option('--no-api', 'do not serve the REST API and dashboard')
    .action((opts: { once?: boolean; api: boolean; apiPort: string }) =>
      withApp(async (app) => {
        const apiPort = parseDemoPort(opts.apiPort);
        const github = await startGitHubSimulator({ seed: 42 });
        const google = await startGoogleSimulator({ seed: 42 });
        const microsoft = await startMicrosoftSimulator({ seed: 42 });
        const openai = await startOpenAISimulator({ seed: 42 });
        const anthropic = await startAnthropicSimulator({ seed: 42 });
        const gemini = await startGeminiSimulator({ seed: 42 });
        try {
          const db = app.database.db;
          const tenant = await ensureTenant(db, 'demo', 'Demo tenant');
          note(`GitHub simulator: ${github.baseUrl} (org ${github.org})`);
          await upsertDemoConnection(app, tenant.id, {
            provider: 'github',
            baseUrl: github.baseUrl,
            config: { org: github.org, installationId: String(github.app.installationId) },
            secrets: { appId: String(github.app.appId), privateKey: github.app.privateKey },
          });
          note(`Google Workspace simulator: ${google.origin} (domain ${google.domain})`);
          await upsertDemoConnection(app, tenant.id, {
            provider: 'google-workspace',
            baseUrl: google.origin,
            config: {
              customerId: google.customerId,
              adminEmail: google.adminEmail,
              tokenUrl: google.tokenUrl,
            },
            secrets: { serviceAccountKey: JSON.stringify(google.serviceAccount) },
          });
          note(`Microsoft 365 simulator: ${microsoft.graphBaseUrl} (tenant ${microsoft.domain})`);
          await upsertDemoConnection(app, tenant.id, {
            provider: 'microsoft-365',
            baseUrl: microsoft.graphBaseUrl,
            config: {
              tenantId: microsoft.tenantId,
              authority: new URL(microsoft.authority).origin,
              sharepointAdminUrl: microsoft.sharepointAdminUrl,
              // The simulator's self-signed certificate, trusted for this connection only.
              caCertificate: microsoft.caPem,
            },
            secrets: {
              clientId: microsoft.scanner.clientId,
              privateKey: microsoft.scanner.certificate.privateKeyPem,
              thumbprintSha256: microsoft.scanner.certificate.thumbprintSha256,
            },
          });
          note(`OpenAI simulator: ${openai.baseURL}`);
          await upsertDemoConnection(app, tenant.id, {
            provider: 'openai',
            baseUrl: openai.baseURL,
            config: {},
            secrets: { adminKey: openai.adminKey, projectKeys: JSON.stringify(openai.projectKeys()) },
          });
          note(`Anthropic simulator: ${anthropic.baseUrl}`);
          await upsertDemoConnection(app, tenant.id, {
            provider: 'anthropic',
            baseUrl: anthropic.baseUrl,
            config: {},
            secrets: { adminKey: anthropic.adminKey },
          });
          note(`Gemini simulator: ${gemini.origin} (project ${gemini.projectId})`);
          await upsertDemoConnection(app, tenant.id, {
            provider: 'gemini',
            baseUrl: gemini.origin,
            config: { projectId: gemini.projectId },
            secrets: {
              serviceAccountKey: JSON.stringify(gemini.serviceAccount),
              geminiApiKey: gemini.geminiApiKey,
            },
          });
          const started = await requestScans(db, app.queue, tenant.id, { trigger: 'demo' });
          const providers = new Map((await listConnections(db, tenant.id)).map((c) => [c.id, c.provider]));
          const providerOf = (s: Scan) => providers.get(s.connectionId) ?? '?';
          const finished = await followScans(
            db,
            started.map((s) => s.id),
            providerOf,
          );
          if (app.dlpQueue.mode === 'in-process') await app.dlpQueue.idle();
          await printScanSummary(db, tenant.id, finished, providerOf);
          print('\nnext: npx periscope findings demo   (add --format json for scripts)');
          if (opts.once) {
            process.exitCode = exitCodeFor(finished);
            return;
          }
          const connect = demoConnectService(app.box, { github, google, microsoft });
          const stopApi = opts.api ? await serveDemoApi(app, apiPort, connect) : null;
          const stopScheduler = startInProcessScheduler(db, app.queue, app.logger);
          note('simulators and the scheduler are running; Ctrl-C to stop');
          await untilSignal();
          stopScheduler();
          await stopApi?.();
        } finally {
          await github.close();
          await google.close();
          await microsoft.close();
          await openai.close();
          await anthropic.close();
          await gemini.close();
        }
      }),
    );
}
