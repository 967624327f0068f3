/**
 * ETags persist through the real pipeline: an unchanged rescan is answered by 304s (free against
 * GitHub's primary limit) and still sees every asset, so nothing resolves by mistake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type GitHubHarness, plantedKeys, startGitHubHarness } from '../support/github-harness.ts';

describe('unchanged rescan', () => {
  let h: GitHubHarness | undefined;
  afterEach(async () => h?.close());

  it('costs almost nothing and keeps every finding open', async () => {
    h = await startGitHubHarness({ auth: 'token', sim: { size: { members: 150, repos: 130 } } });
    const first = await h.scan();
    const second = await h.scan();
    expect(second.outcome.status).toBe('succeeded');
    const full = first.scan.httpStats as { primaryCost: number; total: number };
    const rescan = second.scan.httpStats as { primaryCost: number; notModified: number; total: number };
    expect(full.primaryCost).toBeGreaterThan(100);
    expect(rescan.total).toBe(full.total);
    expect(rescan.notModified).toBe(rescan.total);
    expect(rescan.primaryCost).toBe(0);
    expect(second.scan.counts).toEqual(first.scan.counts);
    expect(await h.findingKeys('resolved')).toEqual([]);
    const tokenOnly = (id: string) => id.startsWith('github/fine-grained-pat');
    expect(await h.findingKeys()).toEqual(plantedKeys(h.sim.planted.filter((p) => !tokenOnly(p.ruleId))));
  });
});
