import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/key-owner-removed.ts';
import { apiKey, check } from '../support.ts';

const key = (keyType: string, attributes: Record<string, unknown>) =>
  apiKey({
    provider: 'openai',
    keyType,
    owner: 'rita@acme.test',
    hint: 'sk-proj-abc...xyz',
    attributes: { ownerType: 'user', ...attributes },
  });

describe(rule.id, () => {
  it.each([
    [
      'a project key whose owner left the project',
      key('openai_project_key', { ownerProjectAccess: 'inactive', ownerStatus: 'active' }),
    ],
    [
      'a project key whose owner left the org',
      key('openai_project_key', { ownerProjectAccess: 'inactive', ownerStatus: 'removed' }),
    ],
    [
      'a project key whose owner is banned',
      key('openai_project_key', { ownerProjectAccess: 'active', ownerStatus: 'suspended' }),
    ],
    ['an admin key whose owner left', key('openai_admin_key', { ownerStatus: 'removed' })],
  ])('flags %s', (_label, asset) => {
    expect(check(rule, asset)?.evidence).toMatchObject({
      owner: 'rita@acme.test',
      hint: 'sk-proj-abc...xyz',
    });
  });

  it.each([
    ['an active owner', key('openai_project_key', { ownerProjectAccess: 'active', ownerStatus: 'active' })],
    ['an admin key of an active owner', key('openai_admin_key', { ownerStatus: 'active' })],
    ['another kind of key', key('github_fine_grained_pat', { ownerStatus: 'removed' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('has no evidence when the owner status is unknown and the project does not say', () => {
    expect(rule.evidenceAvailable?.(key('openai_admin_key', { ownerStatus: 'unknown' }))).toBe(false);
    expect(
      rule.evidenceAvailable?.(
        key('openai_project_key', { ownerStatus: 'unknown', ownerProjectAccess: 'inactive' }),
      ),
    ).toBe(true);
  });
});
