import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/app-drive-or-gmail-access.ts';
import { check, daysAgo, gwsGrant } from '../support.ts';

const auth = 'https://www.googleapis.com/auth/';

describe(rule.id, () => {
  it.each([
    `${auth}drive`,
    `${auth}drive.readonly`,
    `${auth}drive.file`,
    'https://mail.google.com/',
    `${auth}gmail.readonly`,
    `${auth}gmail.send`,
  ])('flags an unapproved app granted %s, with the triggering scopes', (scope) => {
    const lastUsedAt = daysAgo(1);
    const asset = gwsGrant({ scopes: ['openid', `${auth}userinfo.email`, scope], lastUsedAt });
    expect(check(rule, asset)).toEqual({
      evidence: {
        app: 'Acme Notes',
        clientId: '1234-notes.apps.googleusercontent.com',
        user: 'alice@acme.example',
        scopes: [scope],
        lastUsedAt,
      },
    });
  });

  it('flags apps under review or unapproved', () => {
    const asset = gwsGrant({ scopes: [`${auth}drive`] });
    const key = 'google-workspace:1234-notes.apps.googleusercontent.com';
    for (const status of ['unapproved', 'in_review'] as const)
      expect(check(rule, asset, { policy: { appApprovals: { [key]: status } } })).not.toBeNull();
  });

  it.each([
    [
      'approved by client id',
      gwsGrant({ scopes: [`${auth}drive`] }),
      'google-workspace:1234-notes.apps.googleusercontent.com',
    ],
    [
      'approved by AI-catalog id',
      gwsGrant({ scopes: ['https://mail.google.com/'], aiCatalogId: 'acme-ai' }),
      'acme-ai',
    ],
  ])('does not flag an app %s', (_label, asset, key) => {
    expect(check(rule, asset, { policy: { appApprovals: { [key]: 'approved' } } })).toBeNull();
  });

  it.each([
    ['docs and calendar scopes', [`${auth}documents`, `${auth}calendar.readonly`]],
    ['sign-in scopes', ['openid', 'email', 'profile']],
    [
      'look-alike scopes',
      [`${auth}drivelabels.readonly`, `${auth}gmailish`, 'https://mail.google.com.evil.example/'],
    ],
    ['no scopes', []],
  ])('does not flag %s', (_label, scopes) => {
    expect(check(rule, gwsGrant({ scopes }))).toBeNull();
  });
});
