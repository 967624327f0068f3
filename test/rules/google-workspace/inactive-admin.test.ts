import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/inactive-admin.ts';
import { check, daysAgo, gwsUser } from '../support.ts';

const admin = { isAdmin: true, role: 'super_admin' };

describe(rule.id, () => {
  it('flags an admin whose last sign-in is older than the policy staleDays', () => {
    const lastLoginAt = daysAgo(120);
    expect(check(rule, gwsUser({ ...admin, lastLoginAt }))?.evidence).toEqual({
      email: 'alice@acme.example',
      role: 'super_admin',
      orgUnitPath: '/Staff',
      lastSignIn: lastLoginAt,
      idleDays: 120,
      staleDays: 90,
    });
  });

  it('flags an admin who never signed in, counting from creation', () => {
    const asset = gwsUser({ ...admin, lastLoginAt: null, createdAt: daysAgo(200) }, { neverLoggedIn: true });
    expect(check(rule, asset)?.evidence).toMatchObject({
      lastSignIn: 'never signed in',
      createdAt: daysAgo(200),
      idleDays: 200,
    });
  });

  it('honours the staleDays option over the policy', () => {
    const asset = gwsUser({ ...admin, lastLoginAt: daysAgo(45) });
    expect(check(rule, asset)).toBeNull();
    expect(check(rule, asset, { options: { staleDays: 30 } })?.evidence).toMatchObject({ staleDays: 30 });
    expect(check(rule, asset, { policy: { staleDays: 40 } })?.evidence).toMatchObject({ staleDays: 40 });
  });

  it.each([
    ['signed in recently', gwsUser({ ...admin, lastLoginAt: daysAgo(3) })],
    ['suspended', gwsUser({ ...admin, lastLoginAt: daysAgo(300), suspended: true })],
    ['archived', gwsUser({ ...admin, lastLoginAt: daysAgo(300) }, { archived: true })],
    [
      'never signed in but created recently',
      gwsUser({ ...admin, lastLoginAt: null, createdAt: daysAgo(10) }, { neverLoggedIn: true }),
    ],
    ['not an admin (user rule)', gwsUser({ lastLoginAt: daysAgo(300) })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge an admin whose sign-in time is unknown', () => {
    const unknown = gwsUser(
      { ...admin, lastLoginAt: null, createdAt: daysAgo(300) },
      { neverLoggedIn: false },
    );
    expect(rule.evidenceAvailable?.(unknown)).toBe(false);
    expect(rule.evidenceAvailable?.(gwsUser(admin))).toBe(true);
  });
});
