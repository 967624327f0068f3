/** `periscope token` and `periscope serve` as a user runs them: child processes over one data dir. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'periscope.js');

// Each command is a fresh process opening PGlite from disk: seconds each, more on a busy machine.
describe('periscope token and serve', { timeout: 240_000 }, () => {
  let dir: string;
  const cli = cliRunner(() => dir);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'periscope-api-cli-'));
    expect((await cli('tenant', 'add', 'acme')).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a token printed alone on the last line, lists it without it, and revokes it', async () => {
    const created = await cli(
      'token',
      'create',
      '--tenant',
      'acme',
      '--scope',
      'findings:read',
      'scans:write',
    );
    expect(created.code, created.stderr).toBe(0);
    const lines = created.stdout.trimEnd().split('\n');
    const token = lines.at(-1)!;
    expect(token).toMatch(/^psc_[0-9A-Za-z]{36}$/);
    expect(created.stderr).toContain('not shown again');

    const listed = await cli('token', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(token.slice(0, 10));
    expect(listed.stdout).not.toContain(token.slice(10));
    expect(listed.stdout).toContain('findings:read');
    expect(listed.stdout).toContain('scans:write');
    const id = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(listed.stdout)![1]!;

    const revoked = await cli('token', 'revoke', id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`token ${id} revoked`);

    const bad = await cli('token', 'create', '--scope', 'everything');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown scope "everything"');
    const tenantAdmin = await cli('token', 'create', '--tenant', 'acme', '--scope', 'tenants:admin');
    expect(tenantAdmin.code).toBe(2);
  });

  it('serves the API on the asked port until SIGTERM', async () => {
    const token = (await cli('token', 'create', '--scope', 'tenants:admin')).stdout
      .trimEnd()
      .split('\n')
      .at(-1)!;
    const { DATABASE_URL: _db, REDIS_URL: _redis, ...env } = process.env;
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      env: { ...env, PERISCOPE_DATA_DIR: dir, HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
        const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    try {
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
      const tenants = await fetch(`${url}/v1/tenants`, { headers: { authorization: `Bearer ${token}` } });
      expect(tenants.status).toBe(200);
      expect(((await tenants.json()) as { items: Array<{ slug: string }> }).items.map((t) => t.slug)).toEqual(
        ['acme'],
      );
      expect((await fetch(`${url}/openapi.json`)).status).toBe(200);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(stderr).toContain('request completed');
    expect(stderr).not.toContain(token);
  });

  it('refuses a port that is not one', async () => {
    const result = await cli('serve', '--port', 'eighty');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port / PORT "eighty" is not a port number');
  });
});
