import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/less-secure-apps-allowed.ts';
import { check, setting } from '../support.ts';

const ROOT = 'orgUnits/03ph8a2z1';
const OU = 'orgUnits/03ph8a2z2kq7b1e';
const GROUP = 'groups/01ci93xb3tmzyin';

const policy = (
  values: Record<string, unknown>,
  where: 'root' | 'ou' | 'group' = 'root',
  type = 'google-workspace.security.less_secure_apps',
) =>
  setting(type, values, {
    provider: 'google-workspace',
    scope: where === 'root' ? 'tenant' : 'object',
    attributes: {
      orgUnit: where === 'ou' ? OU : ROOT,
      group: where === 'group' ? GROUP : null,
      sortOrder: where === 'root' ? 1 : 2,
      policyType: 'ADMIN',
    },
  });

describe(rule.id, () => {
  it('flags a group allowed to use less secure apps, naming the group', () => {
    expect(check(rule, policy({ allowLessSecureApps: true }, 'group'))).toEqual({
      evidence: { orgUnit: ROOT, group: GROUP, allowLessSecureApps: true },
    });
  });

  it.each([
    ['disabled', policy({ allowLessSecureApps: false })],
    ['a root policy relying on Google’s default (disabled)', policy({})],
    ['an override that inherits it', policy({}, 'ou')],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
