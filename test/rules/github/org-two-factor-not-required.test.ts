import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/org-two-factor-not-required.ts';
import { check, setting } from '../support.ts';

describe(rule.id, () => {
  it('flags an org that does not require 2FA', () => {
    expect(check(rule, setting('github.org', { twoFactorRequired: false }))).toEqual({
      evidence: { twoFactorRequired: false },
    });
  });

  it.each([
    ['2FA required', { twoFactorRequired: true }],
    ['value unknown (not an owner)', { twoFactorRequired: null }],
    ['field missing', {}],
  ])('does not flag: %s', (_label, values) => {
    expect(check(rule, setting('github.org', values))).toBeNull();
  });

  it('ignores other setting types', () => {
    expect(check(rule, setting('github.actions', { twoFactorRequired: false }))).toBeNull();
  });
});
