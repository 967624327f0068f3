import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/deploy-key-unused.ts';
import { apiKey, check, daysAgo } from '../support.ts';

const key = (createdAt: string | null, lastUsedAt: string | null) =>
  apiKey({
    externalId: 'deploy-key:acme/payments:1',
    keyType: 'github_deploy_key',
    createdAt,
    lastUsedAt,
    attributes: { repository: 'acme/payments' },
  });

describe(rule.id, () => {
  it('flags a key unused for 90+ days', () => {
    expect(check(rule, key(daysAgo(500), daysAgo(100)))).toEqual({
      evidence: { repository: 'acme/payments', lastUsedAt: daysAgo(100), idleDays: 100, staleDays: 90 },
    });
  });

  it('flags a never-used key created long ago', () => {
    expect(check(rule, key(daysAgo(120), null))).toEqual({
      evidence: { repository: 'acme/payments', lastUsedAt: null, createdAt: daysAgo(120), staleDays: 90 },
    });
  });

  it.each([
    ['used recently', key(daysAgo(500), daysAgo(3))],
    ['new and unused', key(daysAgo(30), null)],
    ['no dates', key(null, null)],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
