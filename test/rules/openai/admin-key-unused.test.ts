import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/admin-key-unused.ts';
import { apiKey, check, daysAgo, now } from '../support.ts';

const key = (createdAt: string | null, lastUsedAt: string | null, expiresAt: string | null = null) =>
  apiKey({
    provider: 'openai',
    keyType: 'openai_admin_key',
    hint: 'sk-admin-abc...xyz',
    owner: 'ada@acme.test',
    createdAt,
    lastUsedAt,
    expiresAt,
  });

describe(rule.id, () => {
  it('flags a key idle for longer than staleDays', () => {
    expect(check(rule, key(daysAgo(300), daysAgo(120)))).toEqual({
      evidence: {
        hint: 'sk-admin-abc...xyz',
        owner: 'ada@acme.test',
        lastUsedAt: daysAgo(120),
        idleDays: 120,
        staleDays: 90,
      },
    });
  });

  it('flags a never-used key created long ago', () => {
    expect(check(rule, key(daysAgo(100), null))?.evidence).toMatchObject({
      lastUsedAt: null,
      createdAt: daysAgo(100),
    });
  });

  it.each([
    ['used yesterday', key(daysAgo(300), daysAgo(1))],
    ['never used, created recently', key(daysAgo(10), null)],
    ['expired', key(daysAgo(300), daysAgo(200), daysAgo(5))],
    [
      'a project key',
      apiKey({
        provider: 'openai',
        keyType: 'openai_project_key',
        createdAt: daysAgo(300),
        lastUsedAt: daysAgo(200),
      }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('honours the policy staleDays and the option', () => {
    expect(check(rule, key(daysAgo(300), daysAgo(40)), { policy: { staleDays: 30 } })).not.toBeNull();
    expect(check(rule, key(daysAgo(300), daysAgo(40)), { options: { staleDays: 60 } })).toBeNull();
    expect(now).toBeInstanceOf(Date);
  });
});
