import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/fine-grained-pat-unused.ts';
import { apiKey, check, daysAgo } from '../support.ts';

const pat = (createdAt: string | null, lastUsedAt: string | null, tokenExpired = false) =>
  apiKey({ owner: 'octocat', createdAt, lastUsedAt, attributes: { tokenExpired } });

describe(rule.id, () => {
  it('flags a token idle for staleDays', () => {
    expect(check(rule, pat(daysAgo(300), daysAgo(90)))).toEqual({
      evidence: { owner: 'octocat', lastUsedAt: daysAgo(90), idleDays: 90, staleDays: 90 },
    });
  });

  it('flags a never-used token granted long ago', () => {
    expect(check(rule, pat(daysAgo(91), null))).toEqual({
      evidence: { owner: 'octocat', lastUsedAt: null, grantedAt: daysAgo(91), staleDays: 90 },
    });
  });

  it.each([
    ['recently used', pat(daysAgo(300), daysAgo(1))],
    ['never used, granted recently', pat(daysAgo(20), null)],
    ['expired (cannot be used)', pat(daysAgo(300), daysAgo(200), true)],
    ['request, not a grant', apiKey({ keyType: 'github_fine_grained_pat_request', createdAt: daysAgo(300) })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('honours the staleDays option', () => {
    expect(check(rule, pat(daysAgo(300), daysAgo(40)), { options: { staleDays: 30 } })).not.toBeNull();
  });
});
