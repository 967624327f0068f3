import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/org-base-permission-too-broad.ts';
import { check, setting } from '../support.ts';

describe(rule.id, () => {
  it.each(['write', 'admin'])('flags base permission %s', (permission) => {
    expect(check(rule, setting('github.org', { defaultRepositoryPermission: permission }))).toEqual({
      evidence: { defaultRepositoryPermission: permission },
    });
  });

  it.each(['read', 'none', null])('does not flag base permission %s', (permission) => {
    expect(check(rule, setting('github.org', { defaultRepositoryPermission: permission }))).toBeNull();
  });

  it('honours a stricter option', () => {
    const asset = setting('github.org', { defaultRepositoryPermission: 'read' });
    expect(check(rule, asset, { options: { broadPermissions: ['read', 'write', 'admin'] } })).not.toBeNull();
  });
});
