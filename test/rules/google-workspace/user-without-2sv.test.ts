import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/user-without-2sv.ts';
import { check, gwsUser } from '../support.ts';

describe(rule.id, () => {
  it('flags an active user not enrolled in 2SV, even where enforcement is on (grace period)', () => {
    expect(check(rule, gwsUser({ mfaEnabled: false }, { enforcedIn2Sv: true }))?.evidence).toEqual({
      email: 'alice@acme.example',
      role: null,
      orgUnitPath: '/Staff',
      enrolledIn2Sv: false,
      enforcedIn2Sv: true,
    });
  });

  it.each([
    ['enrolled', gwsUser({ mfaEnabled: true })],
    ['enrollment unknown', gwsUser({ mfaEnabled: null })],
    ['suspended', gwsUser({ mfaEnabled: false, suspended: true })],
    ['archived', gwsUser({ mfaEnabled: false }, { archived: true })],
    ['an admin (admin rule)', gwsUser({ isAdmin: true, role: 'delegated_admin', mfaEnabled: false })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
