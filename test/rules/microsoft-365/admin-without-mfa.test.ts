import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/admin-without-mfa.ts';
import { check, m365User } from '../support.ts';

const globalAdmin = { roles: ['Global Administrator'], privilegedRoles: ['Global Administrator'] };

describe(rule.id, () => {
  it('flags an enabled admin with no MFA method registered', () => {
    const asset = m365User({ isAdmin: true, role: 'Global Administrator', mfaEnabled: false }, globalAdmin);
    expect(check(rule, asset)).toEqual({
      evidence: {
        user: 'alice@contoso.example',
        displayName: 'Alice Doe',
        userType: 'user',
        role: 'Global Administrator',
        roles: ['Global Administrator'],
        privilegedRoles: ['Global Administrator'],
        mfaRegistered: false,
        mfaCapable: false,
        methodsRegistered: [],
      },
    });
  });

  it('flags an admin of a role outside the privileged set too', () => {
    const asset = m365User(
      { isAdmin: true, role: 'Reports Reader', mfaEnabled: false },
      { roles: ['Reports Reader'] },
    );
    expect(check(rule, asset)?.evidence).toMatchObject({ role: 'Reports Reader', privilegedRoles: [] });
  });

  it.each([
    ['registered', m365User({ isAdmin: true, mfaEnabled: true }, globalAdmin)],
    ['registration unknown (no report row)', m365User({ isAdmin: true, mfaEnabled: null }, globalAdmin)],
    ['disabled', m365User({ isAdmin: true, mfaEnabled: false, suspended: true }, globalAdmin)],
    ['not an admin (user rule)', m365User({ isAdmin: false, mfaEnabled: false })],
  ])('does not flag: %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
