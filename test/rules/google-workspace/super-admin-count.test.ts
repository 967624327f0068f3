import { describe, expect, it } from 'vitest';
import type { AggregateQuery, AssetFilter } from '../../../rules/define-rule.ts';
import rule from '../../../rules/google-workspace/super-admin-count.ts';
import { aiCatalog } from '../../../scanner/ai-catalog/index.ts';
import { parsePolicy } from '../../../scanner/policy.ts';
import { now } from '../support.ts';

/** A fake aggregate store over active super admins; anything else matches nothing. */
function fakeQuery(superAdmins: number): AggregateQuery & { filters: AssetFilter[] } {
  const filters: AssetFilter[] = [];
  const matches = (filter: AssetFilter) =>
    filter.kind === 'identity' && filter.where?.role === 'super_admin' && filter.where.suspended === false;
  return {
    filters,
    async count(filter) {
      filters.push(filter);
      return matches(filter) ? superAdmins : 0;
    },
    async list(filter, limit) {
      filters.push(filter);
      if (!matches(filter)) return [];
      return Array.from({ length: Math.min(superAdmins, limit) }, (_, i) => ({
        key: `google-workspace:identity:${i}`,
        kind: 'identity' as const,
        externalId: String(i),
        name: `Admin ${i}`,
        url: null,
      }));
    },
  };
}

async function run(q: AggregateQuery, options = rule.options) {
  const ctx = { now, policy: parsePolicy({}), options, catalog: aiCatalog };
  return rule.evaluate(await rule.query(q, ctx), ctx);
}

const asset = { kind: 'setting', externalId: 'customer:super-admins', name: 'Super admins', url: null };

describe(rule.id, () => {
  it('flags a single super admin, counting active super admins only', async () => {
    const q = fakeQuery(1);
    expect(await run(q)).toEqual([
      { asset, evidence: { superAdmins: 1, minSuperAdmins: 2, maxSuperAdmins: 8, names: ['Admin 0'] } },
    ]);
    expect(q.filters).toContainEqual({ kind: 'identity', where: { role: 'super_admin', suspended: false } });
  });

  it('flags more than eight super admins', async () => {
    const [finding] = await run(fakeQuery(9));
    expect(finding?.asset).toEqual(asset);
    expect(finding?.evidence).toMatchObject({ superAdmins: 9 });
    expect(finding?.evidence.names).toHaveLength(9);
  });

  it('lists at most 25 names', async () => {
    const [finding] = await run(fakeQuery(40));
    expect(finding?.evidence.names).toHaveLength(25);
  });

  it.each([2, 5, 8])('does not flag %i super admins', async (count) => {
    expect(await run(fakeQuery(count))).toEqual([]);
  });

  it('honours the minSuperAdmins and maxSuperAdmins options (CIS: at most 4)', async () => {
    expect(await run(fakeQuery(5), { minSuperAdmins: 2, maxSuperAdmins: 4 })).toHaveLength(1);
    expect(await run(fakeQuery(2), { minSuperAdmins: 3, maxSuperAdmins: 8 })).toHaveLength(1);
  });
});
