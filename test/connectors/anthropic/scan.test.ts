/**
 * A full scan against the simulated organization finds exactly what the oracle derives from the
 * organization's records: every planted violation and nothing on the clean look-alikes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anthropicAssetKey } from '../../../sandbox/index.ts';
import { type AnthropicHarness, startAnthropicHarness } from '../../support/anthropic-harness.ts';

describe('anthropic full scan against the simulator', () => {
  let h: AnthropicHarness | undefined;
  afterEach(() => h?.close());

  it('finds every planted violation and nothing on the clean look-alikes', async () => {
    h = await startAnthropicHarness();
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(Object.values(scan.streams).every((s) => s.status === 'completed')).toBe(true);
    for (const [id, run] of Object.entries(scan.rules)) {
      if (id.startsWith('anthropic/')) expect(run.status, id).toBe('evaluated');
    }
    const expected = h.expectedKeys();
    // Every rule has a planted violation, so a rule that never fires fails here.
    expect(new Set(expected.map((k) => k.split(' ')[0])).size).toBe(8);
    expect(expected).toEqual(h.sim.planted.map((p) => `${p.ruleId} ${p.assetKey}`).sort());
    expect(await h.findingKeys()).toEqual(expected);
  });

  it('reports nothing on a clean organization, and the tenant policy moves the verdicts', async () => {
    h = await startAnthropicHarness({ sim: { clean: true } });
    await h.scan();
    expect(await h.findingKeys()).toEqual([]);
    await h.close();

    h = await startAnthropicHarness();
    const research = h.sim.org.workspaces.find((w) => w.name === 'Research');
    if (!research) throw new Error('no Research workspace');
    const policy = {
      approvedAiTools: { [`anthropic:${research.id}`]: ['web_search' as const] },
      ruleOptions: { 'anthropic/too-many-admins': { maxAdmins: 10 } },
    };
    await h.setPolicy(policy);
    await h.scan();
    const found = await h.findingKeys();
    expect(found).toEqual(h.expectedKeys(policy));
    expect(found).not.toContain(
      `anthropic/workspace-unapproved-tool-use ${anthropicAssetKey.toolUsage(research.id)}`,
    );
    expect(found.some((k) => k.startsWith('anthropic/too-many-admins'))).toBe(false);
  });

  it('resolves a finding once the vendor state is fixed', async () => {
    h = await startAnthropicHarness();
    await h.scan();
    const forever = h.sim.org.apiKeys.find((k) => k.name === 'support-bot');
    if (!forever) throw new Error('no support-bot key');
    forever.status = 'archived';
    await h.scan();
    const finding = `anthropic/key-without-expiry ${anthropicAssetKey.apiKey(forever.id)}`;
    expect(await h.findingKeys('resolved')).toContain(finding);
    expect(await h.findingKeys()).toEqual(h.expectedKeys());
  });
});
