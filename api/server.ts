/**
 * Runs the API on a port: the app from build() over the composition root's database, queue and
 * rules, with readiness checks for the database and (when configured) Redis.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { App } from '../runtime/app.ts';
import { BullScanQueue } from '../scanner/queue/bullmq.ts';
import { build } from './app.ts';
import { type ConnectService, loadConnectService } from './oauth/service.ts';

export interface ServeOptions {
  /** @defaultValue '127.0.0.1' */
  host: string;
  /** 0 picks a free port. @defaultValue 8080 */
  port: number;
  /** The built dashboard to serve at `/` (web/dist). @defaultValue undefined: API only */
  webRoot?: string;
  /** OAuth connect flows. @defaultValue the PERISCOPE_CONNECT_CONFIG file's, if set */
  connect?: ConnectService;
}

export interface RunningServer {
  app: FastifyInstance;
  /** http://host:port as bound. */
  url: string;
  close(): Promise<void>;
}

export function readinessChecks(runtime: App): Record<string, () => Promise<void>> {
  const checks: Record<string, () => Promise<void>> = {
    database: async () => {
      await runtime.database.db.execute(sql`select 1`);
    },
  };
  const queue = runtime.queue;
  if (queue instanceof BullScanQueue) {
    checks.redis = async () => {
      await queue.queue.count(); // one round trip to Redis
    };
  }
  return checks;
}

export async function startServer(runtime: App, options: ServeOptions): Promise<RunningServer> {
  const app = await build({
    deps: {
      db: runtime.database.db,
      queue: runtime.queue,
      rules: runtime.rules,
      checks: readinessChecks(runtime),
      vault: { box: runtime.box, connectors: runtime.connectors },
      exports: runtime.exportDeps,
      connect: options.connect ?? loadConnectService(runtime.box),
    },
    logger: runtime.logger,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    app,
    url: `http://${host}:${port}`,
    close() {
      closing ??= app.close();
      return closing;
    },
  };
}
