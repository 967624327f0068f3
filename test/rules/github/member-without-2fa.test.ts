import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/member-without-2fa.ts';
import { check, identity } from '../support.ts';

describe(rule.id, () => {
  it.each([true, false])('flags a member without 2FA (admin: %s)', (isAdmin) => {
    expect(check(rule, identity({ name: 'mallory', isAdmin, mfaEnabled: false }))).toEqual({
      evidence: { login: 'mallory', isAdmin, mfaEnabled: false },
    });
  });

  it.each([
    ['2FA on', identity({ mfaEnabled: true })],
    ['2FA unknown', identity({ mfaEnabled: null })],
    [
      'outside collaborator (other rule)',
      identity({ identityType: 'outside_collaborator', mfaEnabled: false }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
