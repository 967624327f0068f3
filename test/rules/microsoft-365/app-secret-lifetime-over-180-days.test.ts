import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/app-secret-lifetime-over-180-days.ts';
import { check, daysAgo, m365Credential } from '../support.ts';

/** An ISO timestamp `days` after the test clock. */
const inDays = (days: number) => daysAgo(-days);

describe(rule.id, () => {
  it('flags a client secret valid for two years', () => {
    const asset = m365Credential({ createdAt: daysAgo(30), expiresAt: inDays(700) });
    expect(check(rule, asset)).toEqual({
      evidence: {
        app: 'Contoso Sync',
        appId: '11111111-2222-4333-8444-555555555555',
        credential: 'Contoso Sync: ci',
        keyType: 'client_secret',
        hint: 'Q~x',
        createdAt: daysAgo(30),
        expiresAt: inDays(700),
        lifetimeDays: 730,
        maxDays: 180,
      },
    });
  });

  it('flags a client secret that never expires', () => {
    const asset = m365Credential({ createdAt: daysAgo(30), expiresAt: null });
    expect(check(rule, asset)?.evidence).toMatchObject({ expiresAt: null, lifetimeDays: null });
  });

  it("uses the connector's lifetimeDays when the start date is missing", () => {
    const asset = m365Credential({ createdAt: null, expiresAt: inDays(300) }, { lifetimeDays: 365 });
    expect(check(rule, asset)?.evidence).toMatchObject({ lifetimeDays: 365 });
  });

  it('takes the limit from the rule option', () => {
    const asset = m365Credential({ createdAt: daysAgo(10), expiresAt: inDays(80) });
    expect(check(rule, asset)).toBeNull();
    expect(check(rule, asset, { options: { maxDays: 60 } })?.evidence).toMatchObject({ maxDays: 60 });
  });

  it.each([
    [
      'a secret valid for exactly 180 days',
      m365Credential({ createdAt: daysAgo(10), expiresAt: inDays(170) }),
    ],
    ['a secret valid for 90 days', m365Credential({ createdAt: daysAgo(30), expiresAt: inDays(60) })],
    ['an expired long-lived secret', m365Credential({ createdAt: daysAgo(800), expiresAt: daysAgo(70) })],
    [
      'a long-lived certificate',
      m365Credential({ keyType: 'certificate', createdAt: daysAgo(1), expiresAt: inDays(700) }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge a secret whose lifetime is unknown', () => {
    expect(rule.evidenceAvailable?.(m365Credential({ createdAt: null, expiresAt: inDays(100) }))).toBe(false);
    expect(rule.evidenceAvailable?.(m365Credential())).toBe(true);
  });
});
