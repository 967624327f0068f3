import { describe, expect, it } from 'vitest';
import rule from '../../../rules/gemini/api-key-not-rotated.ts';
import { check, daysAgo } from '../support.ts';
import { cloudKey } from './keys.ts';

const created = (days: number) =>
  cloudKey({ apiTargets: ['generativelanguage.googleapis.com'] }, { createdAt: daysAgo(days) });

describe(rule.id, () => {
  it('flags a key older than the policy’s rotation period', () => {
    expect(check(rule, created(400))).toEqual({
      evidence: {
        key: 'Gemini key',
        hint: '…3855ee9b5dd2',
        createdAt: daysAgo(400),
        ageDays: 400,
        rotationDays: 365,
      },
    });
  });

  it('does not flag a key inside the period, up to the day', () => {
    expect(check(rule, created(10))).toBeNull();
    expect(check(rule, created(365))).toBeNull();
  });

  it('follows the tenant policy and the rule option', () => {
    expect(check(rule, created(100), { policy: { rotationDays: 90 } })?.evidence).toMatchObject({
      rotationDays: 90,
    });
    expect(
      check(rule, created(100), { policy: { rotationDays: 90 }, options: { rotationDays: 180 } }),
    ).toBeNull();
  });

  it('does not judge a key whose creation time is unknown', () => {
    const unknown = cloudKey({}, { createdAt: null });
    expect(rule.evidenceAvailable?.(unknown)).toBe(false);
  });
});
