import { describe, expect, it } from 'vitest';
import rule from '../../../rules/anthropic/too-many-admins.ts';
import type { AggregateQuery } from '../../../rules/define-rule.ts';
import { aiCatalog } from '../../../scanner/ai-catalog/index.ts';
import { parsePolicy } from '../../../scanner/policy.ts';
import { now } from '../support.ts';

const org = {
  key: 'anthropic:setting:organization:org_1',
  kind: 'setting' as const,
  externalId: 'organization:org_1',
  name: 'Acme',
  url: null,
};

function fakeQuery(admins: number, hasOrg = true): AggregateQuery {
  return {
    async count(filter) {
      return filter.kind === 'identity' && filter.where?.isAdmin === true ? admins : 0;
    },
    async list(filter) {
      return hasOrg && filter.settingType === 'anthropic.organization' ? [org] : [];
    },
  };
}

async function run(q: AggregateQuery, options = rule.options) {
  const ctx = { now, policy: parsePolicy({}), options, catalog: aiCatalog };
  return rule.evaluate(await rule.query(q, ctx), ctx);
}

describe(rule.id, () => {
  it('flags more than 5 admins on the organization setting', async () => {
    expect(await run(fakeQuery(6))).toEqual([
      {
        asset: { kind: 'setting', externalId: 'organization:org_1', name: 'Acme', url: null },
        evidence: { admins: 6, maxAdmins: 5 },
      },
    ]);
  });

  it.each([1, 5])('does not flag %i admins', async (admins) => {
    expect(await run(fakeQuery(admins))).toEqual([]);
  });

  it('honours maxAdmins, and needs the organization asset', async () => {
    expect(await run(fakeQuery(3), { maxAdmins: 2 })).toHaveLength(1);
    expect(await run(fakeQuery(9, false))).toEqual([]);
  });
});
