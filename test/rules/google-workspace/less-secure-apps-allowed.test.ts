import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/less-secure-apps-allowed.ts';
import { check, GWS_GROUP as GROUP, gwsPolicyOf, GWS_ROOT as ROOT } from '../support.ts';

const policy = gwsPolicyOf('google-workspace.security.less_secure_apps');

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
