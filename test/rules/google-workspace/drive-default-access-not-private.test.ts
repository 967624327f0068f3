import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-default-access-not-private.ts';
import { check, gwsPolicyOf, GWS_OU as OU, GWS_ROOT as ROOT } from '../support.ts';

const policy = gwsPolicyOf('google-workspace.drive_and_docs.general_access_default');

describe(rule.id, () => {
  it('flags a default that shares new items with the target audience, naming the OU', () => {
    expect(check(rule, policy({ defaultFileAccess: 'PRIMARY_AUDIENCE_WITH_LINK' }, 'ou'))).toEqual({
      evidence: { orgUnit: OU, group: null, defaultFileAccess: 'PRIMARY_AUDIENCE_WITH_LINK' },
    });
  });

  it('reports a root policy that does not disclose the default, at low severity', () => {
    expect(check(rule, policy({}))).toEqual({
      evidence: { orgUnit: ROOT, group: null, defaultFileAccess: null, undisclosed: ['defaultFileAccess'] },
      severity: 'low',
    });
  });

  it.each([
    ['private to the owner', policy({ defaultFileAccess: 'PRIVATE_TO_OWNER' })],
    ['an override that inherits it', policy({}, 'ou')],
    [
      'another setting type',
      policy(
        { defaultFileAccess: 'PRIMARY_AUDIENCE_WITH_LINK' },
        'root',
        'google-workspace.drive_and_docs.drive_sdk',
      ),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
