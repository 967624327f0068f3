import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/gemini-licensed-admin-without-2sv.ts';
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
  it('flags an admin holding a Gemini licence without 2SV', () => {
    expect(check(rule, geminiLicense({ isAdmin: true, enrolledIn2Sv: false }))).toEqual({
      evidence: {
        email: 'alice@acme.example',
        productId: '101047',
        skuId: '1010470001',
        skuName: 'Gemini Enterprise',
        enrolledIn2Sv: false,
      },
    });
  });

  it.each([
    ['an admin enrolled in 2SV', geminiLicense({ isAdmin: true, enrolledIn2Sv: true })],
    ['a non-admin without 2SV (the user rule)', geminiLicense({ isAdmin: false, enrolledIn2Sv: false })],
    ['an unknown role', geminiLicense({ isAdmin: null, enrolledIn2Sv: false })],
    ['unknown enrollment', geminiLicense({ isAdmin: true, enrolledIn2Sv: null })],
    ['a suspended admin', geminiLicense({ isAdmin: true, enrolledIn2Sv: false, suspended: true })],
    ['an archived admin', geminiLicense({ isAdmin: true, enrolledIn2Sv: false, archived: true })],
    [
      'another setting type',
      geminiLicense({ isAdmin: true, enrolledIn2Sv: false }, 'google-workspace.gemini_user'),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
