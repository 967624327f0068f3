import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/app-sign-in-only.ts';
import { check, gwsGrant } from '../support.ts';

const auth = 'https://www.googleapis.com/auth/';

describe(rule.id, () => {
  it.each([
    [['openid']],
    [['openid', 'email', 'profile']],
    [[`${auth}userinfo.email`, `${auth}userinfo.profile`, 'openid']],
  ])('flags an unapproved app signed in to with %j', (scopes) => {
    expect(check(rule, gwsGrant({ scopes }))?.evidence).toMatchObject({ app: 'Acme Notes', scopes });
  });

  it.each([
    ['one data scope besides sign-in', ['openid', `${auth}calendar.readonly`]],
    ['a Drive scope', ['email', `${auth}drive.file`]],
    ['a look-alike', ['openid', `${auth}userinfo.emails`]],
    ['no scopes (unknown)', []],
  ])('does not flag %s', (_label, scopes) => {
    expect(check(rule, gwsGrant({ scopes }))).toBeNull();
  });

  it('does not flag an approved app', () => {
    const policy = {
      appApprovals: { 'google-workspace:1234-notes.apps.googleusercontent.com': 'approved' as const },
    };
    expect(check(rule, gwsGrant({ scopes: ['openid'] }), { policy })).toBeNull();
  });
});
