/**
 * The `periscope` command as a user runs it (a child process, embedded PGlite in a temp data
 * dir, in-process queue) against the GitHub simulator running in this test.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubSimulator, startGitHubSimulator } from '../../sandbox/index.ts';
import { cliRunner } from '../support/cli.ts';
import { plantedKeys } from '../support/github-harness.ts';

// Each command is a fresh process opening PGlite from disk: seconds each, more on a busy machine.
describe('periscope CLI (embedded mode)', { timeout: 240_000 }, () => {
  let dataDir: string;
  let sim: GitHubSimulator;
  const periscope = cliRunner(() => dataDir, { PERISCOPE_RETRY_BACKOFF_MS: '10' });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'periscope-cli-'));
    sim = await startGitHubSimulator({ seed: 11, ghec: false });
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds a tenant and a token connection, scans, lists findings as JSON and mutes one', async () => {
    expect((await periscope('tenant', 'add', 'acme')).code).toBe(0);
    expect(statSync(join(dataDir, 'encryption.key')).mode & 0o777).toBe(0o600);

    const tokenFile = join(dataDir, 'token.txt');
    writeFileSync(tokenFile, `${sim.token}\n`);
    const add = await periscope(
      'connection',
      'add',
      'acme',
      'github',
      '--base-url',
      sim.baseUrl,
      '--config',
      `org=${sim.org}`,
      '--config',
      'retryBaseMs=5',
      '--secret',
      `token=@${tokenFile}`,
    );
    expect(add.code).toBe(0);
    expect(add.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    expect(add.stdout + add.stderr).not.toContain(sim.token);

    const scan = await periscope('scan', 'acme');
    expect(scan.code).toBe(0);
    // Token auth cannot read fine-grained PATs and this org has no SAML: said, not failed.
    expect(scan.stdout).toMatch(/github\/fine-grained-pat-without-expiry: requires_github_app/);
    expect(scan.stdout).toMatch(/github\/saml-credential-unused: not_ghec/);

    const json = await periscope('findings', 'acme', '--format', 'json');
    const findings = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    const skipped = (id: string) => id.startsWith('github/fine-grained-pat') || id.startsWith('github/saml-');
    expect(
      findings
        .map(
          (f) =>
            `${f.ruleId} github:${(f.asset as { kind: string }).kind}:${(f.asset as { externalId: string }).externalId}`,
        )
        .sort(),
    ).toEqual(plantedKeys(sim.planted.filter((p) => !skipped(p.ruleId))));
    for (const key of [
      'id',
      'ruleId',
      'title',
      'severity',
      'status',
      'provider',
      'connectionId',
      'asset',
      'evidence',
      'firstSeenAt',
      'lastSeenAt',
      'resolvedAt',
    ]) {
      expect(findings[0]).toHaveProperty(key);
    }

    const target = findings[0]!.id as string;
    const mute = await periscope(
      'mute',
      'acme',
      target,
      '--reason',
      'accepted risk',
      '--until',
      '2099-01-01',
    );
    expect(mute.code).toBe(0);
    const muted = JSON.parse(
      (await periscope('findings', 'acme', '--status', 'muted', '--format', 'json')).stdout,
    );
    expect(muted.map((f: { id: string }) => f.id)).toEqual([target]);

    const csv = await periscope('findings', 'acme', '--format', 'csv', '--severity', 'critical');
    expect(csv.stdout.split('\n')[0]).toBe('id,severity,status,provider,rule,asset,last seen');
  });

  it('exits 3 when a stream fails and 2 with a clear message on bad input', async () => {
    sim.faults.add({ path: '/orgs/{org}/hooks', kind: 'server-error', status: 500 });
    const partial = await periscope('scan', 'acme');
    sim.faults.clear();
    expect(partial.code).toBe(3);
    expect(partial.stderr).toMatch(/webhooks: failed/);

    const unknown = await periscope('scan', 'nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no tenant "nobody"');

    const badSecret = await periscope(
      'connection',
      'add',
      'acme',
      'github',
      '--config',
      'org=acme',
      '--secret',
      'nonsense',
    );
    expect(badSecret.code).toBe(2);
    expect(badSecret.stderr).toContain('--secret expects key=value');
  });

  it('rejects an invalid cron and stores a valid schedule', async () => {
    const bad = await periscope('schedule', 'set', 'acme', 'every day');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cron "every day"/);
    const good = await periscope('schedule', 'set', 'acme', '0 3 * * *', '--tz', 'Europe/Madrid');
    expect(good.code).toBe(0);
    expect((await periscope('schedule', 'list', 'acme')).stdout).toContain('Europe/Madrid');
  });
});
