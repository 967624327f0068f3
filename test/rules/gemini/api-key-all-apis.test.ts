import { describe, expect, it } from 'vitest';
import rule from '../../../rules/gemini/api-key-all-apis.ts';
import { check } from '../support.ts';
import { cloudKey } from './keys.ts';

describe(rule.id, () => {
  it('flags a key without API targets, even when it is restricted to an app', () => {
    expect(check(rule, cloudKey({ applicationRestrictions: ['browser'] }))).toEqual({
      evidence: {
        key: 'Gemini key',
        hint: '…3855ee9b5dd2',
        apiTargets: 'all APIs',
        applicationRestrictions: ['browser'],
      },
    });
  });

  it.each([
    ['Gemini only', cloudKey({ apiTargets: ['generativelanguage.googleapis.com'] })],
    ['Maps only', cloudKey({ apiTargets: ['maps-backend.googleapis.com'] })],
  ])('does not flag a key restricted to %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
