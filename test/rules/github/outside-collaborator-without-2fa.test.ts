import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/outside-collaborator-without-2fa.ts';
import { check, identity } from '../support.ts';

describe(rule.id, () => {
  it('flags an outside collaborator without 2FA', () => {
    const asset = identity({
      name: 'vendor-dev',
      identityType: 'outside_collaborator',
      external: true,
      mfaEnabled: false,
    });
    expect(check(rule, asset)).toEqual({ evidence: { login: 'vendor-dev', mfaEnabled: false } });
  });

  it.each([
    ['2FA on', identity({ identityType: 'outside_collaborator', mfaEnabled: true })],
    ['2FA unknown', identity({ identityType: 'outside_collaborator', mfaEnabled: null })],
    ['member (other rule)', identity({ identityType: 'user', mfaEnabled: false })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
