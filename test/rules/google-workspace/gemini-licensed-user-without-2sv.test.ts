import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/gemini-licensed-user-without-2sv.ts';
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
  it('flags a non-admin holding a Gemini licence without 2SV', () => {
    expect(check(rule, geminiLicense({ enrolledIn2Sv: false }))).toEqual({
      evidence: {
        email: 'alice@acme.example',
        productId: '101047',
        skuId: '1010470001',
        skuName: 'Gemini Enterprise',
        enrolledIn2Sv: false,
      },
    });
  });

  it('flags when the licence list gave no SKU name', () => {
    expect(check(rule, geminiLicense({ enrolledIn2Sv: false, skuName: null }))?.evidence.skuName).toBeNull();
  });

  it.each([
    ['a user enrolled in 2SV', geminiLicense({ enrolledIn2Sv: true })],
    ['an admin without 2SV (the admin rule)', geminiLicense({ isAdmin: true, enrolledIn2Sv: false })],
    ['an unknown role', geminiLicense({ isAdmin: null, enrolledIn2Sv: false })],
    ['unknown enrollment', geminiLicense({ enrolledIn2Sv: null })],
    ['a suspended user', geminiLicense({ enrolledIn2Sv: false, suspended: true })],
    ['an archived user', geminiLicense({ enrolledIn2Sv: false, archived: true })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
