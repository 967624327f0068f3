import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/saml-credential-unused.ts';
import { check, daysAgo, grant } from '../support.ts';

const credential = (createdAt: string | null, lastUsedAt: string | null) =>
  grant({ externalId: 'credential:9', principal: 'octocat', principalType: 'user', createdAt, lastUsedAt });

describe(rule.id, () => {
  it('flags a credential not used for staleDays (default 90)', () => {
    expect(check(rule, credential(daysAgo(400), daysAgo(120)))).toEqual({
      evidence: { login: 'octocat', lastUsedAt: daysAgo(120), idleDays: 120, staleDays: 90 },
    });
  });

  it('flags a never-used credential authorized long ago', () => {
    expect(check(rule, credential(daysAgo(200), null))).toEqual({
      evidence: { login: 'octocat', lastUsedAt: null, authorizedAt: daysAgo(200), staleDays: 90 },
    });
  });

  it.each([
    ['recently used', credential(daysAgo(400), daysAgo(5))],
    ['never used but new', credential(daysAgo(10), null)],
    ['no dates at all', credential(null, null)],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('uses the policy staleDays, and an option over it', () => {
    const asset = credential(daysAgo(400), daysAgo(40));
    expect(check(rule, asset, { policy: { staleDays: 30 } })).not.toBeNull();
    expect(check(rule, asset, { policy: { staleDays: 30 }, options: { staleDays: 60 } })).toBeNull();
  });
});
