import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/inactive-user.ts';
import { check, daysAgo, gwsUser } from '../support.ts';

describe(rule.id, () => {
  it('flags a user whose last sign-in is older than the policy staleDays', () => {
    const lastLoginAt = daysAgo(91);
    expect(check(rule, gwsUser({ lastLoginAt }))?.evidence).toEqual({
      email: 'alice@acme.example',
      role: null,
      orgUnitPath: '/Staff',
      lastSignIn: lastLoginAt,
      idleDays: 91,
      staleDays: 90,
    });
  });

  it('flags a user who never signed in, with "never signed in" instead of a date', () => {
    const asset = gwsUser({ lastLoginAt: null, createdAt: daysAgo(95) }, { neverLoggedIn: true });
    expect(check(rule, asset)?.evidence).toMatchObject({ lastSignIn: 'never signed in', idleDays: 95 });
  });

  it.each([
    ['signed in exactly at the limit', gwsUser({ lastLoginAt: daysAgo(90) })],
    ['signed in recently', gwsUser({ lastLoginAt: daysAgo(1) })],
    ['suspended', gwsUser({ lastLoginAt: daysAgo(300), suspended: true })],
    ['archived', gwsUser({ lastLoginAt: daysAgo(300) }, { archived: true })],
    ['new, never signed in', gwsUser({ lastLoginAt: null, createdAt: daysAgo(5) }, { neverLoggedIn: true })],
    ['an admin (admin rule)', gwsUser({ isAdmin: true, role: 'delegated_admin', lastLoginAt: daysAgo(300) })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge a user whose sign-in time is unknown', () => {
    expect(rule.evidenceAvailable?.(gwsUser({ lastLoginAt: null }, { neverLoggedIn: false }))).toBe(false);
    expect(
      rule.evidenceAvailable?.(gwsUser({ lastLoginAt: null, createdAt: null }, { neverLoggedIn: true })),
    ).toBe(false);
  });
});
