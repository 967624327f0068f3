import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-shared-drive-managers-override.ts';
import { check, gwsPolicyOf, GWS_ROOT as ROOT } from '../support.ts';

const policy = gwsPolicyOf('google-workspace.drive_and_docs.shared_drive_creation');

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
