/**
 * Policy and AI-app commands as a user runs them (child processes, embedded PGlite): scan an org
 * with an AI app installed, list the AI inventory, approve the app, and change the policy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubSimulator, startGitHubSimulator } from '../../sandbox/index.ts';
import { cliRunner } from '../support/cli.ts';

describe('periscope policy, app status and ai-apps', { timeout: 240_000 }, () => {
  let dataDir: string;
  let sim: GitHubSimulator;
  const periscope = cliRunner(() => dataDir);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'periscope-policy-'));
    sim = await startGitHubSimulator({ seed: 5, ghec: false });
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists AI apps from a scan and approves one', async () => {
    expect((await periscope('tenant', 'add', 'acme')).code).toBe(0);
    const tokenFile = join(dataDir, 'token.txt');
    writeFileSync(tokenFile, sim.token);
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
    expect(add.code).toBe(0);
    expect((await periscope('scan', 'acme')).code).toBe(0);

    const inventory = JSON.parse((await periscope('ai-apps', 'acme', '--format', 'json')).stdout);
    expect(inventory).toEqual([
      expect.objectContaining({
        aiCatalogId: 'claude-code',
        vendor: 'Anthropic',
        category: 'coding',
        approval: 'unreviewed',
        providers: ['github'],
        tenantWide: true,
      }),
    ]);

    const unknown = await periscope('app', 'status', 'acme', 'github:no-such-app', 'approved');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown app "github:no-such-app"');
    expect((await periscope('app', 'status', 'acme', 'claude-code', 'approved')).code).toBe(0);
  });

  it('sets and shows the policy, refusing bad values with the field named', async () => {
    const set = await periscope(
      'policy',
      'set',
      'acme',
      'staleDays=30',
      'allowedDomains=partner.example',
      'rule.common/dlp-file-org-wide.severity=high',
      'rule.github/webhook-without-secret.enabled=false',
    );
    expect(set.code).toBe(0);
    const bad = await periscope('policy', 'set', 'acme', 'staleDays=0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/policy\.staleDays: /);

    const shown = JSON.parse((await periscope('policy', 'show', 'acme')).stdout);
    expect(shown).toMatchObject({
      staleDays: 30,
      rotationDays: 365,
      allowedDomains: ['partner.example'],
      appApprovals: { 'claude-code': 'approved' },
      severityOverrides: { 'common/dlp-file-org-wide': 'high' },
      disabledRules: ['github/webhook-without-secret'],
      dlpProfiles: ['pii', 'phi', 'financial', 'credentials', 'source-code'],
    });
  });
});
