import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-default-access-not-private.ts';
import { check, setting } from '../support.ts';

const ROOT = 'orgUnits/03ph8a2z1';
const OU = 'orgUnits/03ph8a2z2kq7b1e';
const GROUP = 'groups/01ci93xb3tmzyin';

const policy = (
  values: Record<string, unknown>,
  where: 'root' | 'ou' | 'group' = 'root',
  type = 'google-workspace.drive_and_docs.general_access_default',
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
