import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/org-members-can-create-public-repos.ts';
import { check, setting } from '../support.ts';

describe(rule.id, () => {
  it('flags members allowed to create public repositories', () => {
    const asset = setting('github.org', { membersCanCreatePublicRepositories: true });
    expect(check(rule, asset)).toEqual({ evidence: { membersCanCreatePublicRepositories: true } });
  });

  it.each([false, null, undefined])('does not flag %s', (value) => {
    expect(check(rule, setting('github.org', { membersCanCreatePublicRepositories: value }))).toBeNull();
  });
});
