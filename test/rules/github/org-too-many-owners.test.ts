import { describe, expect, it } from 'vitest';
import type { AggregateQuery, AssetFilter } from '../../../rules/define-rule.ts';
import rule from '../../../rules/github/org-too-many-owners.ts';
import { aiCatalog } from '../../../scanner/ai-catalog/index.ts';
import { parsePolicy } from '../../../scanner/policy.ts';
import { now } from '../support.ts';

/** A fake aggregate store: counts identities by the `where` filter, lists the org setting. */
function fakeQuery(
  admins: number,
  members: number,
  hasOrg = true,
): AggregateQuery & { filters: AssetFilter[] } {
  const filters: AssetFilter[] = [];
  return {
    filters,
    async count(filter) {
      filters.push(filter);
      if (filter.kind !== 'identity') return 0;
      return filter.where?.isAdmin === true && filter.where.identityType === 'user'
        ? admins
        : admins + members;
    },
    async list(filter, limit) {
      filters.push(filter);
      if (!hasOrg || filter.kind !== 'setting' || filter.settingType !== 'github.org' || limit < 1) return [];
      return [
        {
          key: 'github:setting:org:acme',
          kind: 'setting',
          externalId: 'org:acme',
          name: 'acme',
          url: 'https://github.com/acme',
        },
      ];
    },
  };
}

async function run(q: AggregateQuery, options = rule.options) {
  const ctx = { now, policy: parsePolicy({}), options, catalog: aiCatalog };
  return rule.evaluate(await rule.query(q, ctx), ctx);
}

describe(rule.id, () => {
  it('flags more owners than the default maximum of 5, on the org settings asset', async () => {
    const q = fakeQuery(6, 40);
    expect(await run(q)).toEqual([
      {
        asset: { kind: 'setting', externalId: 'org:acme', name: 'acme', url: 'https://github.com/acme' },
        evidence: { owners: 6, maxOwners: 5 },
      },
    ]);
    expect(q.filters).toContainEqual({ kind: 'identity', where: { isAdmin: true, identityType: 'user' } });
  });

  it.each([0, 2, 5])('does not flag %i owners', async (owners) => {
    expect(await run(fakeQuery(owners, 10))).toEqual([]);
  });

  it('honours the maxOwners option', async () => {
    expect(await run(fakeQuery(3, 10), { maxOwners: 2 })).toHaveLength(1);
  });

  it('reports nothing when org settings were not collected', async () => {
    expect(await run(fakeQuery(9, 10, false))).toEqual([]);
  });
});
