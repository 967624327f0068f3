/**
 * `periscope export …` in embedded mode as the README shows it: a GitHub scan fills the outbox,
 * `export add` points a Splunk HEC sink at the receiver, `export run` drains once, `export status`
 * shows lag and dead letters, a bad token dead-letters until `export update` + `export replay`,
 * and `export backfill` re-sends. Tokens never appear in any output.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubSimulator, startGitHubSimulator } from '../../sandbox/index.ts';
import { DEFAULT_HEC_TOKEN, type HecReceiver, startHecReceiver } from '../../sandbox/siem/index.ts';
import { cliRunner } from '../support/cli.ts';

describe('periscope export', { timeout: 240_000 }, () => {
  let dataDir: string;
  let sim: GitHubSimulator;
  let hec: HecReceiver;
  const periscope = cliRunner(() => dataDir, { PERISCOPE_ALLOW_PRIVATE_SINKS: '1' });
  const strict = cliRunner(() => dataDir, { PERISCOPE_ALLOW_PRIVATE_SINKS: '0' });
  const status = async () => {
    const result = await periscope('export', 'status', 'acme', '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Array<{
      name: string;
      state: string;
      lagEvents: number;
      deadLetters: number;
      delivered: number;
      head: number;
    }>;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'periscope-export-'));
    sim = await startGitHubSimulator({ seed: 11, ghec: false });
    hec = await startHecReceiver();
    const tokenFile = join(dataDir, 'token.txt');
    writeFileSync(tokenFile, `${sim.token}\n`);
    expect((await periscope('tenant', 'add', 'acme')).code).toBe(0);
    const add = await periscope(
      'connection',
      'add',
      'acme',
      'github',
      '--base-url',
      sim.baseUrl,
      '--config',
      `org=${sim.org}`,
      '--secret',
      `token=@${tokenFile}`,
    );
    expect(add.code, add.stderr).toBe(0);
    expect((await periscope('scan', 'acme')).code).toBe(0);
  });
  afterAll(async () => {
    await hec?.close();
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a loopback destination unless private sinks are allowed', async () => {
    const refused = await strict(
      'export',
      'add',
      'acme',
      'splunk-hec',
      '--config',
      `url=${hec.url}`,
      '--secret',
      `token=${DEFAULT_HEC_TOKEN}`,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/private, loopback or link-local.*PERISCOPE_ALLOW_PRIVATE_SINKS/);
    expect(refused.stdout + refused.stderr).not.toContain(DEFAULT_HEC_TOKEN);
  });

  it('dead-letters with a bad token, then delivers everything after update and replay', async () => {
    const add = await periscope(
      'export',
      'add',
      'acme',
      'splunk-hec',
      '--name',
      'splunk',
      '--config',
      `url=${hec.url}`,
      '--secret',
      'token=not-a-valid-token',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/export sink acme\/splunk \(splunk-hec\) added; \d+ events to send/);

    const run = await periscope('export', 'run', 'acme');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/splunk: paused, 0 delivered, \d+ dead-lettered, last error: .*token/i);
    const [paused] = await status();
    expect(paused).toMatchObject({ name: 'splunk', state: 'paused', lagEvents: 0 });
    expect(paused!.deadLetters).toBe(paused!.head);
    expect(hec.eventCount).toBe(0);

    const tokenFile = join(dataDir, 'hec-token');
    writeFileSync(tokenFile, DEFAULT_HEC_TOKEN);
    expect((await periscope('export', 'update', 'acme/splunk', '--secret', `token=@${tokenFile}`)).code).toBe(
      0,
    );
    const replay = await periscope('export', 'replay', 'acme/splunk');
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain(`replayed ${paused!.deadLetters} dead-lettered events`);
    const [after] = await status();
    expect(after).toMatchObject({ state: 'active', deadLetters: 0, lagEvents: 0 });
    expect(hec.eventCount).toBe(after!.head);

    const table = await periscope('export', 'status', 'acme');
    expect(table.stdout).toContain('splunk-hec');
    for (const output of [add, run, replay, table])
      expect(output.stdout + output.stderr).not.toMatch(/not-a-valid-token|hec000000001/);
  });

  it('backfills since a date with the same event ids', async () => {
    const before = hec.events.map((e) => e.envelope.fields?.event_uid);
    hec.reset();
    const backfill = await periscope('export', 'backfill', 'acme/splunk', '--since', '2000-01-01');
    expect(backfill.code, backfill.stderr).toBe(0);
    expect(backfill.stdout).toMatch(/backfill from event \d+: caught up/);
    expect(hec.events.map((e) => e.envelope.fields?.event_uid)).toEqual(before);
    const bad = await periscope('export', 'backfill', 'acme/splunk', '--since', 'yesterday-ish');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since');
  });
});
