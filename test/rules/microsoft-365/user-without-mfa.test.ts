import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/user-without-mfa.ts';
import { check, m365User } from '../support.ts';

describe(rule.id, () => {
  it('flags an enabled member with no MFA method registered', () => {
    expect(check(rule, m365User({ mfaEnabled: false }))).toEqual({
      evidence: {
        user: 'alice@contoso.example',
        displayName: 'Alice Doe',
        userType: 'user',
        role: null,
        roles: [],
        privilegedRoles: [],
        mfaRegistered: false,
        mfaCapable: false,
        methodsRegistered: [],
      },
    });
  });

  it('flags a guest too', () => {
    const guest = m365User({
      identityType: 'guest',
      external: true,
      email: 'bob_fabrikam.example#ext#@contoso.onmicrosoft.com',
      mfaEnabled: false,
    });
    expect(check(rule, guest)?.evidence).toMatchObject({ userType: 'guest' });
  });

  it.each([
    ['registered', m365User({ mfaEnabled: true })],
    ['registration unknown (no report row)', m365User({ mfaEnabled: null })],
    ['disabled', m365User({ mfaEnabled: false, suspended: true })],
    ['an admin (admin rule)', m365User({ isAdmin: true, role: 'Global Administrator', mfaEnabled: false })],
  ])('does not flag: %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
