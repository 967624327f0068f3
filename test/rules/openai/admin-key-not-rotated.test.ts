import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/admin-key-not-rotated.ts';
import { apiKey, check, daysAgo } from '../support.ts';

const key = (createdAt: string | null) =>
  apiKey({
    provider: 'openai',
    keyType: 'openai_admin_key',
    hint: 'sk-admin-abc...xyz',
    createdAt,
    lastUsedAt: daysAgo(1),
  });

describe(rule.id, () => {
  it('flags a key older than rotationDays', () => {
    expect(check(rule, key(daysAgo(400)))?.evidence).toMatchObject({
      ageDays: 400,
      rotationDays: 365,
      hint: 'sk-admin-abc...xyz',
    });
  });

  it.each([
    ['a young key', key(daysAgo(30))],
    ['no creation time', key(null)],
    ['a project key', apiKey({ provider: 'openai', keyType: 'openai_project_key', createdAt: daysAgo(900) })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('honours the policy rotationDays', () => {
    expect(check(rule, key(daysAgo(100)), { policy: { rotationDays: 90 } })).not.toBeNull();
  });
});
