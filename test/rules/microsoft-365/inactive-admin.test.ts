import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/inactive-admin.ts';
import { check, daysAgo, m365User } from '../support.ts';

const admin = { isAdmin: true, role: 'SharePoint Administrator' };
const roles = { roles: ['SharePoint Administrator'], privilegedRoles: ['SharePoint Administrator'] };

describe(rule.id, () => {
  it('flags an admin whose last sign-in is older than the policy staleDays', () => {
    const lastLoginAt = daysAgo(120);
    expect(check(rule, m365User({ ...admin, lastLoginAt }, roles))?.evidence).toEqual({
      user: 'alice@contoso.example',
      displayName: 'Alice Doe',
      userType: 'user',
      role: 'SharePoint Administrator',
      roles: ['SharePoint Administrator'],
      privilegedRoles: ['SharePoint Administrator'],
      lastSignIn: lastLoginAt,
      idleDays: 120,
      staleDays: 90,
    });
  });

  it('flags an admin who never signed in, counting from the account creation', () => {
    const asset = m365User({ ...admin, lastLoginAt: null, createdAt: daysAgo(200) }, roles);
    expect(check(rule, asset)?.evidence).toMatchObject({ lastSignIn: 'never signed in', idleDays: 200 });
  });

  it('takes the stale period from the rule option over the policy', () => {
    const asset = m365User({ ...admin, lastLoginAt: daysAgo(40) }, roles);
    expect(check(rule, asset)).toBeNull();
    expect(check(rule, asset, { options: { staleDays: 30 } })?.evidence).toMatchObject({ staleDays: 30 });
  });

  it.each([
    ['signed in recently', m365User({ ...admin, lastLoginAt: daysAgo(3) }, roles)],
    ['disabled', m365User({ ...admin, lastLoginAt: daysAgo(300), suspended: true }, roles)],
    ['new, never signed in', m365User({ ...admin, lastLoginAt: null, createdAt: daysAgo(5) }, roles)],
    ['not an admin (user rule)', m365User({ lastLoginAt: daysAgo(300) })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge users when the tenant has no sign-in activity (unlicensed)', () => {
    const asset = m365User({ ...admin, lastLoginAt: null }, { ...roles, signInTracked: false });
    expect(rule.evidenceAvailable?.(asset)).toBe(false);
    expect(rule.evidenceAvailable?.(m365User({ ...admin, lastLoginAt: null, createdAt: null }, roles))).toBe(
      false,
    );
    expect(rule.evidenceAvailable?.(m365User(admin, roles))).toBe(true);
  });
});
