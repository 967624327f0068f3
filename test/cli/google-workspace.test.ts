/**
 * `periscope connection add <tenant> google-workspace …` with a service-account key file, the
 * token endpoint and API root overridden (the simulator), then a scan — as the README shows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GoogleSimulator, startGoogleSimulator } from '../../sandbox/index.ts';
import { cliRunner } from '../support/cli.ts';

describe('periscope connection add … google-workspace', { timeout: 240_000 }, () => {
  let dataDir: string;
  let sim: GoogleSimulator;
  const periscope = cliRunner(() => dataDir);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'periscope-gws-'));
    sim = await startGoogleSimulator({ seed: 3, size: { users: 20, filesPerUser: 12 } });
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const add = (keyFile: string, ...extra: string[]) =>
    periscope(
      'connection',
      'add',
      'acme',
      'google-workspace',
      '--base-url',
      sim.origin,
      '--config',
      `customerId=${sim.customerId}`,
      '--config',
      `tokenUrl=${sim.tokenUrl}`,
      '--secret',
      `serviceAccountKey=@${keyFile}`,
      ...extra,
    );

  it('connects with a key file, scans and lists Google findings; the key never shows', async () => {
    expect((await periscope('tenant', 'add', 'acme')).code).toBe(0);
    const keyFile = join(dataDir, 'sa.json');
    writeFileSync(keyFile, JSON.stringify(sim.serviceAccount, null, 2));

    const connected = await add(keyFile, '--config', `adminEmail=${sim.adminEmail}`);
    expect(connected.stderr).toBe('');
    expect(connected.code).toBe(0);
    expect(connected.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);

    const scan = await periscope('scan', 'acme');
    expect(scan.code).toBe(0);
    const json = await periscope('findings', 'acme', '--format', 'json');
    const rules = new Set((JSON.parse(json.stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId));
    expect(rules).toContain('google-workspace/admin-without-2sv');
    expect(rules).toContain('common/file-public-edit');
    // (A planted DLP finding quotes a key's BEGIN line as its hint; the service account's key body never shows.)
    const keyBody = sim.serviceAccount.private_key.split('\n')[1] as string;
    for (const out of [connected, scan, json]) expect(out.stdout + out.stderr).not.toContain(keyBody);
  });

  it('names what is wrong: a key that is not JSON, a missing adminEmail, an admin Google refuses', async () => {
    const notJson = join(dataDir, 'bad.json');
    writeFileSync(notJson, '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    const bad = await add(notJson, '--config', `adminEmail=${sim.adminEmail}`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/serviceAccountKey/);
    expect(bad.stderr).not.toContain('abc');

    const keyFile = join(dataDir, 'sa.json');
    const missing = await add(keyFile);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/adminEmail/);

    const stranger = await add(keyFile, '--config', `adminEmail=nobody@${sim.domain}`);
    expect(stranger.code).not.toBe(0);
    expect(stranger.stderr).toMatch(/nobody@/);
    expect(stranger.stderr).not.toContain(sim.serviceAccount.private_key.split('\n')[1] as string);
  });
});
