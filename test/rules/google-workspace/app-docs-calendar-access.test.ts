import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/app-docs-calendar-access.ts';
import { check, gwsGrant } from '../support.ts';

const auth = 'https://www.googleapis.com/auth/';

describe(rule.id, () => {
  it.each([
    'documents',
    'documents.readonly',
    'spreadsheets',
    'spreadsheets.readonly',
    'presentations',
    'presentations.readonly',
    'calendar',
    'calendar.readonly',
    'calendar.events',
  ])('flags an unapproved app granted %s', (scope) => {
    const asset = gwsGrant({ scopes: ['openid', `${auth}${scope}`] });
    expect(check(rule, asset)?.evidence).toMatchObject({
      app: 'Acme Notes',
      clientId: '1234-notes.apps.googleusercontent.com',
      user: 'alice@acme.example',
      scopes: [`${auth}${scope}`],
    });
  });

  it.each([
    ['that also reaches Drive (the high rule)', [`${auth}spreadsheets`, `${auth}drive.file`]],
    ['that also reaches Gmail (the high rule)', [`${auth}calendar`, 'https://mail.google.com/']],
    ['with sign-in scopes only', ['openid', `${auth}userinfo.profile`]],
    [
      'with look-alike scopes',
      [`${auth}documents.write`, `${auth}calendarx`, `${auth}spreadsheets.readonlyx`],
    ],
  ])('does not flag an app %s', (_label, scopes) => {
    expect(check(rule, gwsGrant({ scopes }))).toBeNull();
  });

  it('does not flag an approved app', () => {
    const asset = gwsGrant({ scopes: [`${auth}calendar`] });
    const policy = {
      appApprovals: { 'google-workspace:1234-notes.apps.googleusercontent.com': 'approved' as const },
    };
    expect(check(rule, asset, { policy })).toBeNull();
  });
});
