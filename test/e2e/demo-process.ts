/**
 * `periscope demo` as a user runs it, for the dashboard tests: a child process in embedded mode
 * (PGlite in its own data dir, in-process queue), an API token created beforehand with
 * `periscope token create` against the same data dir, and the dashboard URL read from the
 * demo's own "Dashboard: <url>/" line.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = join(import.meta.dirname, '..', '..');
const bin = join(repoRoot, 'bin', 'periscope.js');

function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _db,
    REDIS_URL: _redis,
    PERISCOPE_CONNECT_CONFIG: _connect,
    PERISCOPE_ENCRYPTION_KEY: _key,
    ...rest
  } = process.env;
  return { ...rest, PERISCOPE_DATA_DIR: dataDir, PERISCOPE_LOG_LEVEL: 'warn' };
}

/** Builds web/dist when it is missing (what `npm run build:web` does), or says why it cannot. */
export async function ensureDashboardBuilt(): Promise<void> {
  if (existsSync(join(repoRoot, 'web', 'dist', 'index.html'))) return;
  try {
    await run(
      process.execPath,
      [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'],
      { cwd: repoRoot },
    );
  } catch (error) {
    throw new Error(
      `web/dist is missing and building it failed; run \`npm run build:web\`: ${String(error)}`,
    );
  }
}

/** An installation token with every scope the dashboard uses, created in `dataDir` (printed last). */
export async function createDashboardToken(dataDir: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [
      bin,
      'token',
      'create',
      '--name',
      'dashboard e2e',
      '--scope',
      'tenants:admin',
      'connections:write',
      'scans:write',
      'findings:read',
      'findings:write',
      'policy:write',
    ],
    { env: embeddedEnv(dataDir) },
  );
  const token = stdout.trim().split('\n').at(-1) ?? '';
  if (!token.startsWith('psc_')) throw new Error('`periscope token create` printed no token');
  return token;
}

export interface RunningDemo {
  /** The dashboard's origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The simulated GitHub org. */
  githubOrg: string;
  stop(): Promise<void>;
}

/** Starts the demo and resolves once its first scans are done and the dashboard is served. */
export function startDemo(dataDir: string): Promise<RunningDemo> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'demo', '--api-port', '0'], {
    env: embeddedEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  };
  let stderr = '';
  child.stdout?.resume(); // the summary and the demo's own read-only token: not needed here
  return new Promise((resolve, reject) => {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      const url = /Dashboard: (http:\/\/[^\s/]+)\//.exec(stderr)?.[1];
      const org = /GitHub simulator: \S+ \(org ([^)]+)\)/.exec(stderr)?.[1];
      if (url && org) resolve({ url, githubOrg: org, stop });
    });
    child.once('exit', (code) =>
      reject(
        new Error(`periscope demo exited (${code}) before serving the dashboard:\n${stderr.slice(-2000)}`),
      ),
    );
  });
}
