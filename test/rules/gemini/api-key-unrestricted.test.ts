import { describe, expect, it } from 'vitest';
import rule from '../../../rules/gemini/api-key-unrestricted.ts';
import { apiKey, check } from '../support.ts';
import { cloudKey } from './keys.ts';

const GEMINI = 'generativelanguage.googleapis.com';

describe(rule.id, () => {
  it('flags a Gemini key usable from anywhere, saying what is missing', () => {
    expect(check(rule, cloudKey({ apiTargets: [GEMINI] }))).toEqual({
      evidence: {
        key: 'Gemini key',
        hint: '…3855ee9b5dd2',
        apiTargets: [GEMINI],
        missing: ['browser referrers', 'server IP addresses', 'Android apps', 'iOS bundle ids'],
        emptyRestrictions: [],
        serviceAccountEmail: null,
      },
    });
  });

  it('flags a key for all APIs with only an empty restriction sub-object', () => {
    expect(check(rule, cloudKey({ emptyApplicationRestrictions: ['android'] }))?.evidence).toMatchObject({
      apiTargets: 'all APIs',
      emptyRestrictions: ['android'],
    });
  });

  it.each([
    ['restricted to server IPs', cloudKey({ apiTargets: [GEMINI], applicationRestrictions: ['server'] })],
    ['all APIs but browser-restricted', cloudKey({ applicationRestrictions: ['browser'] })],
    ['for another API only', cloudKey({ apiTargets: ['maps-backend.googleapis.com'] })],
    [
      'not a Google Cloud key',
      apiKey({ provider: 'gemini', keyType: 'other', attributes: { geminiCapable: true } }),
    ],
  ])('does not flag a key %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
