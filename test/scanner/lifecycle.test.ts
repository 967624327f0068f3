/**
 * The finding lifecycle end to end: GitHub simulator → real connector → scan pipeline → database.
 * Runs on every backend this run has (PGlite always, PostgreSQL when DATABASE_URL is set).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listFindings } from '../../db/finding-queries.ts';
import { muteFinding } from '../../db/findings.ts';
import { backends } from '../support/db.ts';
import { type GitHubHarness, plantedKeys, startGitHubHarness } from '../support/github-harness.ts';

describe.each(backends())('finding lifecycle on %s', (backend) => {
  let h: GitHubHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('finds every planted violation and nothing on clean objects', async () => {
    h = await startGitHubHarness({ backend });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(await h.findingKeys()).toEqual(plantedKeys(h.sim.planted));
    expect(Object.values(scan.rules).every((r) => r.status === 'evaluated')).toBe(true);
    const opened = (await h.events()).filter((e) => e.type === 'opened');
    expect(opened).toHaveLength(h.sim.planted.length);
  });

  it('a clean org produces no findings', async () => {
    h = await startGitHubHarness({ backend, sim: { clean: true } });
    const { outcome } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(await h.findingKeys('all')).toEqual([]);
  });

  it('resolves a fixed violation after a complete scan and reopens it when it comes back', async () => {
    h = await startGitHubHarness({ backend });
    await h.scan();
    const member = h.sim.planted.find((p) => p.ruleId === 'github/member-without-2fa')!;
    const userId = Number(member.assetKey.split(':').at(-1));
    const key = `${member.ruleId} ${member.assetKey}`;

    h.sim.mutate.setTwoFactor(userId, 'enabled');
    await h.scan();
    expect(await h.findingKeys('resolved')).toEqual([key]);
    expect(await h.findingKeys('open')).not.toContain(key);

    h.sim.mutate.setTwoFactor(userId, 'disabled');
    await h.scan();
    expect(await h.findingKeys('open')).toContain(key);
    const types = (await h.events()).filter((e) => e.detail.assetKey === member.assetKey).map((e) => e.type);
    expect(types).toEqual(['opened', 'resolved', 'reopened']);
  });

  it('resolves nothing a failed stream did not read, and reports its rules as not evaluated', async () => {
    h = await startGitHubHarness({ backend });
    await h.scan();
    const hook = h.sim.planted.find((p) => p.ruleId.startsWith('github/webhook-'))!;
    h.sim.mutate.deleteHook(Number(hook.assetKey.split(':').at(-1)));
    h.sim.faults.add({ path: '/orgs/{org}/hooks', kind: 'server-error', status: 503 });

    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('partial');
    expect(await h.findingKeys('resolved')).toEqual([]);
    expect(await h.findingKeys()).toContain(`${hook.ruleId} ${hook.assetKey}`);
    expect(scan.streams.webhooks?.status).toBe('failed');
    expect(scan.rules[hook.ruleId]).toMatchObject({ status: 'not_evaluated' });
    expect(scan.rules[hook.ruleId]?.reason).toContain('webhooks');
    expect(scan.rules['github/member-without-2fa']).toEqual({ status: 'evaluated' });

    h.sim.faults.clear();
    await h.scan();
    expect(await h.findingKeys('resolved')).toEqual([`${hook.ruleId} ${hook.assetKey}`]);
  });

  it('keeps a muted finding muted across scans and until its expiry', async () => {
    h = await startGitHubHarness({ backend });
    await h.scan();
    const [first] = await listFindings(h.database.db, h.tenantId, {
      status: 'open',
      ruleId: 'github/deploy-key-write-access',
    });
    await muteFinding(h.database.db, h.tenantId, first!.id, {
      reason: 'accepted: release bot',
      actor: 'test',
    });
    await h.scan();
    await h.scan();
    const muted = await listFindings(h.database.db, h.tenantId, { status: 'muted' });
    expect(muted.map((f) => f.id)).toEqual([first!.id]);
    expect(muted[0]?.muteReason).toBe('accepted: release bot');

    const [second] = await listFindings(h.database.db, h.tenantId, {
      status: 'open',
      ruleId: 'github/member-without-2fa',
    });
    await muteFinding(h.database.db, h.tenantId, second!.id, {
      reason: 'until onboarding ends',
      until: new Date(Date.now() + 300),
      actor: 'test',
    });
    await new Promise((r) => setTimeout(r, 400));
    await h.scan();
    const after = await listFindings(h.database.db, h.tenantId, {
      status: 'open',
      ruleId: 'github/member-without-2fa',
    });
    expect(after.map((f) => f.id)).toContain(second!.id);
  });
});
