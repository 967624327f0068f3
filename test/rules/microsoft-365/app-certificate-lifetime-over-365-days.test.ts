import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/app-certificate-lifetime-over-365-days.ts';
import { check, daysAgo, m365Credential } from '../support.ts';

const inDays = (days: number) => daysAgo(-days);
const certificate = (createdAt: string | null, expiresAt: string | null) =>
  m365Credential({ keyType: 'certificate', name: 'Contoso Sync: CN=sync', hint: null, createdAt, expiresAt });

describe(rule.id, () => {
  it('flags a certificate valid for three years', () => {
    expect(check(rule, certificate(daysAgo(95), inDays(1000)))).toEqual({
      evidence: {
        app: 'Contoso Sync',
        appId: '11111111-2222-4333-8444-555555555555',
        credential: 'Contoso Sync: CN=sync',
        keyType: 'certificate',
        hint: null,
        createdAt: daysAgo(95),
        expiresAt: inDays(1000),
        lifetimeDays: 1095,
        maxDays: 365,
      },
    });
  });

  it('flags a certificate valid for 366 days', () => {
    expect(check(rule, certificate(daysAgo(1), inDays(365)))?.evidence).toMatchObject({ lifetimeDays: 366 });
  });

  it.each([
    ['a certificate valid for a year', certificate(daysAgo(100), inDays(265))],
    ['an expired long-lived certificate', certificate(daysAgo(1200), daysAgo(5))],
    [
      'a long-lived client secret (secret rule)',
      m365Credential({ createdAt: daysAgo(1), expiresAt: inDays(700) }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge a certificate whose lifetime is unknown', () => {
    expect(rule.evidenceAvailable?.(certificate(null, inDays(100)))).toBe(false);
  });
});
