import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/app-installation-all-repos-write.ts';
import { check, grant } from '../support.ts';

describe(rule.id, () => {
  it('flags an all-repositories installation with write permissions', () => {
    const asset = grant({
      allResources: true,
      scopes: ['contents:write', 'metadata:read', 'administration:admin', 'issues:read'],
    });
    expect(check(rule, asset)).toEqual({
      evidence: {
        app: 'ci-bot',
        repositorySelection: 'all',
        writeScopes: ['contents:write', 'administration:admin'],
      },
    });
  });

  it.each([
    ['selected repositories', grant({ allResources: false, scopes: ['contents:write'] })],
    ['read-only', grant({ allResources: true, scopes: ['contents:read', 'metadata:read'] })],
    ['metadata write is ignored', grant({ allResources: true, scopes: ['metadata:write'] })],
    [
      'not an installation',
      grant({ externalId: 'credential:5', allResources: true, scopes: ['contents:write'] }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
