import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/app-credential-expiring.ts';
import { check, daysAgo, m365Credential } from '../support.ts';

const inDays = (days: number) => daysAgo(-days);

describe(rule.id, () => {
  it('flags a secret that expires within 30 days, at the rule severity', () => {
    const asset = m365Credential({ createdAt: daysAgo(160), expiresAt: inDays(20) });
    expect(check(rule, asset)).toEqual({
      evidence: {
        app: 'Contoso Sync',
        appId: '11111111-2222-4333-8444-555555555555',
        credential: 'Contoso Sync: ci',
        keyType: 'client_secret',
        hint: 'Q~x',
        createdAt: daysAgo(160),
        expiresAt: inDays(20),
        lifetimeDays: 180,
        expired: false,
        daysLeft: 20,
        warnDays: 30,
      },
    });
  });

  it('flags an expired certificate still on the app as info', () => {
    const asset = m365Credential({ keyType: 'certificate', createdAt: daysAgo(400), expiresAt: daysAgo(35) });
    expect(check(rule, asset)).toMatchObject({ evidence: { expired: true, daysLeft: 0 }, severity: 'info' });
  });

  it('takes the warning window from the rule option', () => {
    const asset = m365Credential({ expiresAt: inDays(45) });
    expect(check(rule, asset)).toBeNull();
    expect(check(rule, asset, { options: { warnDays: 60 } })?.evidence).toMatchObject({ daysLeft: 45 });
  });

  it.each([
    ['a secret expiring in 31 days', m365Credential({ expiresAt: inDays(31) })],
    ['a secret that never expires (lifetime rules)', m365Credential({ expiresAt: null })],
    ['another key type', m365Credential({ keyType: 'github_deploy_key', expiresAt: inDays(2) })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
