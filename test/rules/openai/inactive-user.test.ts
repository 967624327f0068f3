import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/inactive-user.ts';
import { check, daysAgo, identity } from '../support.ts';

const user = (fields: Parameters<typeof identity>[0] = {}, attributes: Record<string, unknown> = {}) =>
  identity({
    provider: 'openai',
    externalId: 'user-1',
    mfaEnabled: null,
    createdAt: daysAgo(400),
    lastLoginAt: daysAgo(2),
    ...fields,
    attributes: { loginTracked: true, loginsSince: daysAgo(180), apiKeyLastUsedAt: null, ...attributes },
  });

describe(rule.id, () => {
  it('flags a user without a login or key use for staleDays', () => {
    expect(check(rule, user({ lastLoginAt: daysAgo(120) }))?.evidence).toMatchObject({
      idleDays: 120,
      staleDays: 90,
    });
  });

  it('flags a user with no login in the whole window, created long ago', () => {
    expect(check(rule, user({ lastLoginAt: null }))?.evidence).toMatchObject({
      lastLoginAt: null,
      loginsSince: daysAgo(180),
    });
  });

  it.each([
    ['a recent login', user()],
    [
      'an old login but recent API key use',
      user({ lastLoginAt: daysAgo(200) }, { apiKeyLastUsedAt: daysAgo(3) }),
    ],
    ['a newcomer', user({ lastLoginAt: null, createdAt: daysAgo(10) })],
    ['a suspended user', user({ lastLoginAt: daysAgo(300), suspended: true })],
    ['a window shorter than staleDays', user({ lastLoginAt: null }, { loginsSince: daysAgo(30) })],
    ['a service account', user({ identityType: 'service_account', lastLoginAt: null })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('has no evidence without the audit log', () => {
    expect(rule.evidenceAvailable?.(user({}, { loginTracked: false }))).toBe(false);
    expect(rule.evidenceAvailable?.(user())).toBe(true);
  });
});
