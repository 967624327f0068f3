import { describe, expect, it } from 'vitest';
import type { AggregateQuery, AssetFilter } from '../../../rules/define-rule.ts';
import rule from '../../../rules/openai/too-many-owners.ts';
import { aiCatalog } from '../../../scanner/ai-catalog/index.ts';
import { parsePolicy } from '../../../scanner/policy.ts';
import { now } from '../support.ts';

const ORG = {
  key: 'openai:setting:organization',
  kind: 'setting' as const,
  externalId: 'organization',
  name: 'OpenAI organization',
  url: null,
};

function fakeQuery(owners: number, hasOrg = true): AggregateQuery & { filters: AssetFilter[] } {
  const filters: AssetFilter[] = [];
  return {
    filters,
    async count(filter) {
      filters.push(filter);
      return filter.kind === 'identity' &&
        filter.where?.isAdmin === true &&
        filter.where.identityType === 'user'
        ? owners
        : 0;
    },
    async list(filter) {
      filters.push(filter);
      return hasOrg && filter.settingType === 'openai.organization' ? [ORG] : [];
    },
  };
}

async function run(q: AggregateQuery, options = rule.options) {
  const ctx = { now, policy: parsePolicy({}), options, catalog: aiCatalog };
  return rule.evaluate(await rule.query(q, ctx), ctx);
}

describe(rule.id, () => {
  it('flags more than 5 owners on the organization setting', async () => {
    expect(await run(fakeQuery(6))).toEqual([
      {
        asset: { kind: 'setting', externalId: 'organization', name: 'OpenAI organization', url: null },
        evidence: { owners: 6, maxOwners: 5 },
      },
    ]);
  });

  it.each([1, 5])('does not flag %i owners', async (owners) => {
    expect(await run(fakeQuery(owners))).toEqual([]);
  });

  it('honours maxOwners and needs the organization setting', async () => {
    expect(await run(fakeQuery(3), { maxOwners: 2 })).toHaveLength(1);
    expect(await run(fakeQuery(9, false))).toEqual([]);
  });
});
