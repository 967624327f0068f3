/**
 * The shadow-AI flow through the real pipeline: a GitHub App installation of an AI app is
 * recognised during the scan, flagged while unreviewed, and its findings resolve on the next
 * scan once the tenant approves the app. The simulator's generated apps are not AI apps, so
 * the test renames one installation to a catalogued slug (CodeRabbit's) before scanning.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listFindings } from '../../db/finding-queries.ts';
import { updatePolicy } from '../../db/policy.ts';
import { type GitHubHarness, plantedKeys, startGitHubHarness } from '../support/github-harness.ts';

const shadowAi = (keys: string[]) => keys.filter((k) => k.startsWith('common/shadow-ai-'));

describe('shadow AI through the scan pipeline', () => {
  let h: GitHubHarness | undefined;
  afterEach(async () => h?.close());

  it('flags an unreviewed AI app installation and resolves it once the app is approved', async () => {
    h = await startGitHubHarness();
    // The simulator plants one AI app installed on the org without review: Anthropic's Claude app.
    const planted = shadowAi(plantedKeys(h.sim.planted));
    expect(planted).toHaveLength(2);
    const key = planted[0]!.split(' ')[1]!;

    expect((await h.scan()).outcome.status).toBe('succeeded');
    expect(shadowAi(await h.findingKeys())).toEqual([
      `common/shadow-ai-grant-unapproved ${key}`,
      `common/shadow-ai-tenant-wide-grant ${key}`,
    ]);
    const [unapproved] = await listFindings(h.database.db, h.tenantId, {
      status: 'open',
      ruleId: 'common/shadow-ai-grant-unapproved',
    });
    expect(unapproved?.evidence).toMatchObject({
      vendor: 'Anthropic',
      category: 'coding',
      approval: 'unreviewed',
    });
    const appId = String(unapproved?.evidence.app);

    await updatePolicy(h.database.db, h.tenantId, { appApprovals: { [appId]: 'approved' } });
    expect((await h.scan()).outcome.status).toBe('succeeded');
    expect(shadowAi(await h.findingKeys())).toEqual([]);
    expect(shadowAi(await h.findingKeys('resolved'))).toHaveLength(2);
  });
});
