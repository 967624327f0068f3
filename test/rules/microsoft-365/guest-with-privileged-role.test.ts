import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/guest-with-privileged-role.ts';
import { check, m365User } from '../support.ts';

const guest = {
  identityType: 'guest' as const,
  external: true,
  email: 'bob_fabrikam.example#ext#@contoso.onmicrosoft.com',
  name: 'Bob (Fabrikam)',
  isAdmin: true,
  role: 'Exchange Administrator',
};

describe(rule.id, () => {
  it('flags a guest holding a privileged role', () => {
    const asset = m365User(guest, {
      roles: ['Exchange Administrator', 'Reports Reader'],
      privilegedRoles: ['Exchange Administrator'],
    });
    expect(check(rule, asset)).toEqual({
      evidence: {
        user: 'bob_fabrikam.example#ext#@contoso.onmicrosoft.com',
        displayName: 'Bob (Fabrikam)',
        userType: 'guest',
        role: 'Exchange Administrator',
        roles: ['Exchange Administrator', 'Reports Reader'],
        privilegedRoles: ['Exchange Administrator'],
        accountEnabled: true,
      },
    });
  });

  it('flags a disabled guest: the assignment returns with the account', () => {
    const asset = m365User({ ...guest, suspended: true }, { privilegedRoles: ['Global Administrator'] });
    expect(check(rule, asset)?.evidence).toMatchObject({ accountEnabled: false });
  });

  it.each([
    [
      'a guest with only non-privileged roles',
      m365User({ ...guest, role: 'Reports Reader' }, { roles: ['Reports Reader'], privilegedRoles: [] }),
    ],
    ['a guest with no roles', m365User({ ...guest, isAdmin: false, role: null })],
    [
      'a member with a privileged role',
      m365User(
        { isAdmin: true, role: 'Global Administrator' },
        { privilegedRoles: ['Global Administrator'] },
      ),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
