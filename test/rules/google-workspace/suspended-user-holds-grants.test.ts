import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/suspended-user-holds-grants.ts';
import { check, gwsGrant } from '../support.ts';

describe(rule.id, () => {
  it('flags a grant held by a suspended user', () => {
    const asset = gwsGrant(
      { scopes: ['https://www.googleapis.com/auth/drive', 'openid'] },
      { principalSuspended: true },
    );
    expect(check(rule, asset)).toEqual({
      evidence: {
        app: 'Acme Notes',
        clientId: '1234-notes.apps.googleusercontent.com',
        user: 'alice@acme.example',
        scopes: ['https://www.googleapis.com/auth/drive', 'openid'],
        lastUsedAt: null,
      },
    });
  });

  it.each([
    ['an active user', gwsGrant({}, { principalSuspended: false })],
    ['suspension unknown', gwsGrant({}, { principalSuspended: undefined })],
  ])('does not flag a grant of %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
