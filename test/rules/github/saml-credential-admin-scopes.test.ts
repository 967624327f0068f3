import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/saml-credential-admin-scopes.ts';
import { check, grant } from '../support.ts';

const credential = (scopes: string[]) =>
  grant({ externalId: 'credential:7', principal: 'octocat', principalType: 'user', scopes });

describe(rule.id, () => {
  it.each([
    [['repo', 'admin:org'], ['admin:org']],
    [['delete_repo'], ['delete_repo']],
    [
      ['site_admin', 'admin:public_key', 'read:org'],
      ['site_admin', 'admin:public_key'],
    ],
  ])('flags scopes %j', (scopes, adminScopes) => {
    expect(check(rule, credential(scopes))).toEqual({ evidence: { login: 'octocat', adminScopes } });
  });

  it.each([[['repo', 'read:org']], [[]], [['write:org', 'admin']]])('does not flag scopes %j', (scopes) => {
    expect(check(rule, credential(scopes))).toBeNull();
  });

  it('ignores app installations', () => {
    expect(check(rule, grant({ scopes: ['admin:org'] }))).toBeNull();
  });
});
