import type { Command } from 'commander';
import { startServer } from '../../api/server.ts';
import { builtDashboardDir } from '../../api/web/serve-dashboard.ts';
import { parseEnv } from '../../runtime/env.ts';
import { createLogger } from '../../runtime/logger.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { startInProcessScheduler } from '../../scanner/queue/in-process-scheduler.ts';
import { withApp } from '../context.ts';
import { note } from '../output.ts';
import { untilSignal } from './worker.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535)
    throw new PeriscopeError('config_invalid', `--port / PORT "${value}" is not a port number (0-65535)`);
  return port;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'run the REST API (docs at /docs); embedded mode also runs scans and schedules in this process',
    )
    .option('--host <host>', 'address to listen on (env HOST)', process.env.HOST || '127.0.0.1')
    .option('--port <port>', 'port; 0 picks a free one (env PORT)', process.env.PORT || '8080')
    .action((opts: { host: string; port: string }) => {
      const port = parsePort(opts.port);
      const env = parseEnv();
      // A server logs its requests (JSON lines on stderr); the CLI's quiet default is for one-off commands.
      const logger = createLogger({ level: env.PERISCOPE_LOG_LEVEL });
      return withApp(
        async (app) => {
          const server = await startServer(app, { host: opts.host, port, webRoot: builtDashboardDir });
          const stopScheduler =
            app.queue.mode === 'in-process'
              ? startInProcessScheduler(app.database.db, app.queue, logger)
              : null;
          note(`Periscope API listening on ${server.url} (docs: ${server.url}/docs); Ctrl-C to stop`);
          note(`Dashboard: ${server.url}/ (log in with a token from \`periscope token create\`)`);
          note(`stopping after ${await untilSignal()}`);
          stopScheduler?.();
          await server.close();
        },
        { env, logger },
      );
    });
}
