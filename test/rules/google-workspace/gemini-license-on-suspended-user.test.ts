import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/gemini-license-on-suspended-user.ts';
import { check, setting } from '../support.ts';

function geminiLicense(values: Record<string, unknown>, settingType = 'google-workspace.gemini_license') {
  return setting(
    settingType,
    {
      userId: '104',
      email: 'alice@acme.example',
      productId: '101047',
      productName: 'Gemini',
      skuId: '1010470001',
      skuName: 'Gemini Enterprise',
      isAdmin: false,
      enrolledIn2Sv: true,
      suspended: false,
      archived: false,
      ...values,
    },
    {
      provider: 'google-workspace',
      externalId: 'gemini-license:104:101047',
      name: 'alice@acme.example',
      scope: 'object',
    },
  );
}

describe(rule.id, () => {
  it('flags a suspended user holding a Gemini licence, with or without 2SV', () => {
    const expected = {
      evidence: {
        email: 'alice@acme.example',
        productId: '101047',
        skuId: '1010470001',
        skuName: 'Gemini Enterprise',
        isAdmin: false,
      },
    };
    expect(check(rule, geminiLicense({ suspended: true }))).toEqual(expected);
    expect(check(rule, geminiLicense({ suspended: true, enrolledIn2Sv: false }))).toEqual(expected);
  });

  it('flags a suspended admin', () => {
    expect(check(rule, geminiLicense({ suspended: true, isAdmin: true }))?.evidence.isAdmin).toBe(true);
  });

  it.each([
    ['an active user', geminiLicense({ suspended: false })],
    ['an archived user who is not suspended', geminiLicense({ suspended: false, archived: true })],
    ['a user the directory did not list', geminiLicense({ suspended: null, isAdmin: null })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
