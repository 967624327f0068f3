import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/admin-without-2sv.ts';
import { check, gwsUser } from '../support.ts';

describe(rule.id, () => {
  it.each(['super_admin', 'delegated_admin'])('flags an active %s not enrolled in 2SV', (role) => {
    const asset = gwsUser({ isAdmin: true, role, mfaEnabled: false }, { enforcedIn2Sv: false });
    expect(check(rule, asset)).toEqual({
      evidence: {
        email: 'alice@acme.example',
        role,
        orgUnitPath: '/Staff',
        enrolledIn2Sv: false,
        enforcedIn2Sv: false,
      },
    });
  });

  it.each([
    ['enrolled', gwsUser({ isAdmin: true, role: 'super_admin', mfaEnabled: true })],
    ['enrollment unknown', gwsUser({ isAdmin: true, role: 'super_admin', mfaEnabled: null })],
    ['suspended', gwsUser({ isAdmin: true, role: 'super_admin', mfaEnabled: false, suspended: true })],
    ['archived', gwsUser({ isAdmin: true, role: 'super_admin', mfaEnabled: false }, { archived: true })],
    ['not an admin (user rule)', gwsUser({ isAdmin: false, mfaEnabled: false })],
  ])('does not flag an admin: %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
