/**
 * The whole path for GitHub minus the database: every stream with App auth, every rule of the
 * catalog over the assets, and the findings must be exactly what the simulator planted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubConnector } from '../../../connectors/github/index.ts';
import type { AggregateQuery, AssetFilter, RuleContext } from '../../../rules/define-rule.ts';
import { rules } from '../../../rules/index.ts';
import { type GitHubSimulator, startGitHubSimulator } from '../../../sandbox/github/index.ts';
import { aiCatalog } from '../../../scanner/ai-catalog/index.ts';
import { type Asset, assetKey } from '../../../scanner/model.ts';
import { parsePolicy } from '../../../scanner/policy.ts';
import { collectAssets, githubContext } from './harness.ts';

let sim: GitHubSimulator;
beforeAll(async () => {
  sim = await startGitHubSimulator({ seed: 5 });
});
afterAll(() => sim?.close());

/** Answers tenant-rule queries over the collected assets, as the engine does in SQL. */
function aggregateOver(assets: Asset[]): AggregateQuery {
  const matching = (filter: AssetFilter) =>
    assets.filter(
      (a) =>
        a.kind === filter.kind &&
        (!filter.settingType || (a.kind === 'setting' && a.settingType === filter.settingType)) &&
        Object.entries(filter.where ?? {}).every(
          ([field, value]) => (a as Record<string, unknown>)[field] === value,
        ),
    );
  return {
    count: async (filter) => matching(filter).length,
    list: async (filter, limit) =>
      matching(filter)
        .slice(0, limit)
        .map((a) => ({ key: assetKey(a), kind: a.kind, externalId: a.externalId, name: a.name, url: a.url })),
  };
}

async function findingsFor(assets: Asset[], now: Date): Promise<string[]> {
  const found: string[] = [];
  const policy = parsePolicy({});
  for (const rule of rules.filter((r) => r.provider === 'github')) {
    const ctx: RuleContext = { now, policy, options: rule.options, catalog: aiCatalog };
    if (rule.type === 'tenant') {
      const facts = await rule.query(aggregateOver(assets), ctx);
      for (const f of rule.evaluate(facts, ctx))
        found.push(`${rule.id} ${assetKey({ provider: 'github', ...f.asset })}`);
      continue;
    }
    for (const asset of assets) {
      if (asset.kind !== rule.kind || (rule.appliesTo && !rule.appliesTo(asset))) continue;
      if (rule.evaluate(asset, ctx)) found.push(`${rule.id} ${assetKey(asset)}`);
    }
  }
  return found.sort();
}

describe('github end to end (App auth)', () => {
  it('finds exactly the planted violations', async () => {
    const ctx = githubContext(sim, 'app');
    const assets: Asset[] = [];
    for (const stream of githubConnector.streams) assets.push(...(await collectAssets(ctx, stream.name)));
    // The connector alone: AI-catalog enrichment (and so the common shadow-AI rules) is the scan's job.
    const expected = sim.planted
      .filter((p) => p.ruleId.startsWith('github/'))
      .map((p) => `${p.ruleId} ${p.assetKey}`)
      .sort();
    expect(expected.length).toBeGreaterThan(20);
    expect(await findingsFor(assets, sim.now)).toEqual(expected);
  });
});
