import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/secret-on-privileged-app.ts';
import { check, daysAgo, m365Credential } from '../support.ts';

describe(rule.id, () => {
  it('flags a live client secret on an app holding a high-risk application permission', () => {
    const asset = m365Credential({}, { privileged: true });
    expect(check(rule, asset)).toEqual({
      evidence: {
        app: 'Contoso Sync',
        appId: '11111111-2222-4333-8444-555555555555',
        credential: 'Contoso Sync: ci',
        keyType: 'client_secret',
        hint: 'Q~x',
        createdAt: asset.createdAt,
        expiresAt: asset.expiresAt,
        lifetimeDays: 90,
        privileged: true,
      },
    });
  });

  it.each([
    ['a secret on an app without high-risk permissions', m365Credential({}, { privileged: false })],
    ['a secret whose app privilege is unknown', m365Credential({}, { privileged: undefined })],
    [
      'a certificate on a privileged app',
      m365Credential({ keyType: 'certificate', hint: null }, { privileged: true }),
    ],
    [
      'an expired secret on a privileged app',
      m365Credential({ expiresAt: daysAgo(1) }, { privileged: true }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
