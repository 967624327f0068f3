import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-sdk-enabled.ts';
import { check, gwsPolicyOf, GWS_OU as OU, GWS_ROOT as ROOT } from '../support.ts';

const policy = gwsPolicyOf('google-workspace.drive_and_docs.drive_sdk');

describe(rule.id, () => {
  it('flags Drive SDK access on an OU', () => {
    expect(check(rule, policy({ enableDriveSdkApiAccess: true }, 'ou'))).toEqual({
      evidence: { orgUnit: OU, group: null, enableDriveSdkApiAccess: true },
    });
  });

  it('applies Google’s default (on) to a root policy without the field, and says so', () => {
    expect(check(rule, policy({}))?.evidence).toEqual({
      orgUnit: ROOT,
      group: null,
      enableDriveSdkApiAccess: true,
      defaulted: ['enableDriveSdkApiAccess'],
    });
  });

  it.each([
    ['access off', policy({ enableDriveSdkApiAccess: false })],
    ['an override that inherits it', policy({}, 'ou')],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
