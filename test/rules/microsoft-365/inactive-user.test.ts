import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/inactive-user.ts';
import { check, daysAgo, m365User } from '../support.ts';

describe(rule.id, () => {
  it('flags a member whose last sign-in is older than the policy staleDays', () => {
    const lastLoginAt = daysAgo(91);
    expect(check(rule, m365User({ lastLoginAt }))?.evidence).toEqual({
      user: 'alice@contoso.example',
      displayName: 'Alice Doe',
      userType: 'user',
      role: null,
      roles: [],
      privilegedRoles: [],
      lastSignIn: lastLoginAt,
      idleDays: 91,
      staleDays: 90,
    });
  });

  it('flags a guest who never redeemed or used the invitation', () => {
    const asset = m365User({
      identityType: 'guest',
      external: true,
      lastLoginAt: null,
      createdAt: daysAgo(150),
    });
    expect(check(rule, asset)?.evidence).toMatchObject({
      userType: 'guest',
      lastSignIn: 'never signed in',
      createdAt: daysAgo(150),
      idleDays: 150,
    });
  });

  it.each([
    ['signed in exactly at the limit', m365User({ lastLoginAt: daysAgo(90) })],
    ['signed in recently', m365User({ lastLoginAt: daysAgo(1) })],
    ['disabled', m365User({ lastLoginAt: daysAgo(300), suspended: true })],
    ['new, never signed in', m365User({ lastLoginAt: null, createdAt: daysAgo(10) })],
    ['an admin (admin rule)', m365User({ isAdmin: true, role: 'Global Reader', lastLoginAt: daysAgo(300) })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge a user whose sign-in activity the tenant does not record', () => {
    expect(rule.evidenceAvailable?.(m365User({ lastLoginAt: null }, { signInTracked: false }))).toBe(false);
    expect(rule.evidenceAvailable?.(m365User({ lastLoginAt: daysAgo(300) }, { signInTracked: false }))).toBe(
      false,
    );
    expect(rule.evidenceAvailable?.(m365User({ lastLoginAt: daysAgo(300) }))).toBe(true);
  });
});
