import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-sdk-enabled.ts';
import { check, setting } from '../support.ts';

const ROOT = 'orgUnits/03ph8a2z1';
const OU = 'orgUnits/03ph8a2z2kq7b1e';
const GROUP = 'groups/01ci93xb3tmzyin';

const policy = (
  values: Record<string, unknown>,
  where: 'root' | 'ou' | 'group' = 'root',
  type = 'google-workspace.drive_and_docs.drive_sdk',
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
