/** Opens the app for one CLI command and always closes it, mapping errors to exit codes. */
import pretty from 'pino-pretty';
import { type App, type OpenAppOptions, openApp } from '../runtime/app.ts';
import { parseEnv } from '../runtime/env.ts';
import { createLogger } from '../runtime/logger.ts';
import { errorMessage, isPeriscopeError } from '../scanner/errors.ts';
import { note } from './output.ts';

export async function withApp<T>(fn: (app: App) => Promise<T>, options: OpenAppOptions = {}): Promise<T> {
  const env = parseEnv();
  // Logs go to stderr and stay quiet by default so stdout is clean for tables and JSON.
  const destination = pretty({
    destination: 2,
    sync: true,
    colorize: process.stderr.isTTY,
    ignore: 'pid,hostname,time',
  });
  const logger = createLogger({ level: process.env.PERISCOPE_LOG_LEVEL ?? 'warn', destination });
  const app = await openApp({ env, logger, ...options });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export function exitWithError(error: unknown): never {
  note(`error: ${errorMessage(error)}`);
  const usage = isPeriscopeError(error) && (error.code === 'config_invalid' || error.code === 'not_found');
  process.exit(usage ? 2 : 1);
}
