/**
 * `periscope connection add <tenant> microsoft-365 …` with a client secret, the Graph root and
 * login authority overridden (the simulator, whose certificate the connection trusts), then a
 * scan — as the README shows. The secret never shows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MicrosoftSimulator, startMicrosoftSimulator } from '../../sandbox/index.ts';
import { cliRunner } from '../support/cli.ts';

describe('periscope connection add … microsoft-365', { timeout: 240_000 }, () => {
  let dataDir: string;
  let sim: MicrosoftSimulator;
  const periscope = cliRunner(() => dataDir);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'periscope-m365-'));
    sim = await startMicrosoftSimulator({ seed: 5, size: { users: 20, itemsPerDrive: 5 } });
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const add = (...args: string[]) =>
    periscope(
      'connection',
      'add',
      'contoso',
      'microsoft-365',
      '--base-url',
      sim.graphBaseUrl,
      '--config',
      `authority=${new URL(sim.authority).origin}`,
      '--config',
      `caCertificate=${sim.caPem}`,
      ...args,
    );

  it('connects with a client secret, scans and lists Microsoft 365 findings', async () => {
    expect((await periscope('tenant', 'add', 'contoso')).code).toBe(0);
    const connected = await add(
      '--config',
      `tenantId=${sim.tenantId}`,
      '--secret',
      `clientId=${sim.scanner.clientId}`,
      '--secret',
      `clientSecret=${sim.scanner.clientSecret}`,
    );
    expect(connected.stderr).toBe('');
    expect(connected.code).toBe(0);
    const scan = await periscope('scan', 'contoso');
    expect(scan.code).toBe(0);
    // Link defaults live behind the SharePoint admin API, which this connection did not configure.
    expect(scan.stdout).toMatch(
      /microsoft-365\/sharepoint-default-link-permission-edit: requires_sharepoint_admin_url/,
    );
    const json = await periscope('findings', 'contoso', '--format', 'json');
    const rules = new Set((JSON.parse(json.stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId));
    expect(rules).toContain('microsoft-365/admin-without-mfa');
    expect(rules).toContain('microsoft-365/users-can-consent-to-apps');
    for (const out of [connected, scan, json])
      expect(out.stdout + out.stderr).not.toContain(sim.scanner.clientSecret);
  });

  it('names what is wrong: a missing tenantId, a wrong secret (without printing it)', async () => {
    const missing = await add('--secret', `clientId=${sim.scanner.clientId}`, '--secret', 'clientSecret=x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/tenantId/);

    const wrong = await add(
      '--config',
      `tenantId=${sim.tenantId}`,
      '--secret',
      `clientId=${sim.scanner.clientId}`,
      '--secret',
      'clientSecret=not-the-secret-9f8e7d',
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/invalid_client|AADSTS/);
    expect(wrong.stderr).not.toContain('not-the-secret-9f8e7d');
  });
});
