/**
 * Runs `periscope` as a user would: a child process in embedded mode (PGlite in its own data
 * dir, in-process queue), with the server variables of the test run removed.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'periscope.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cliRunner(dataDir: () => string, extraEnv: Record<string, string> = {}) {
  return async (...args: string[]): Promise<CliResult> => {
    const { DATABASE_URL: _db, REDIS_URL: _redis, ...rest } = process.env;
    const env = { ...rest, PERISCOPE_DATA_DIR: dataDir(), PERISCOPE_LOG_LEVEL: 'warn', ...extraEnv };
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, maxBuffer: 64 << 20 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as CliResult;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
}
