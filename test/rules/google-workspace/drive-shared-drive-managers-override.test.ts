import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-shared-drive-managers-override.ts';
import { check, setting } from '../support.ts';

const ROOT = 'orgUnits/03ph8a2z1';
const OU = 'orgUnits/03ph8a2z2kq7b1e';
const GROUP = 'groups/01ci93xb3tmzyin';

const policy = (
  values: Record<string, unknown>,
  where: 'root' | 'ou' | 'group' = 'root',
  type = 'google-workspace.drive_and_docs.shared_drive_creation',
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
  it('flags managers allowed to override shared drive settings', () => {
    expect(
      check(rule, policy({ allowManagersToOverrideSettings: true, allowSharedDriveCreation: true })),
    ).toEqual({
      evidence: { orgUnit: ROOT, group: null, allowManagersToOverrideSettings: true },
    });
  });

  it('reports a root policy that does not disclose the field', () => {
    expect(check(rule, policy({ allowSharedDriveCreation: true }))?.evidence).toEqual({
      orgUnit: ROOT,
      group: null,
      allowManagersToOverrideSettings: null,
      undisclosed: ['allowManagersToOverrideSettings'],
    });
  });

  it.each([
    ['overrides off', policy({ allowManagersToOverrideSettings: false })],
    ['an OU that turns overrides off', policy({ allowManagersToOverrideSettings: false }, 'ou')],
    ['an override that inherits it', policy({ allowSharedDriveCreation: false }, 'ou')],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
