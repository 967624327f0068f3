import { defineRule } from '../define-rule.ts';
import { judgePolicyField } from '../google-policies.ts';

export default defineRule({
  id: 'google-workspace/drive-shared-drive-managers-override',
  title: 'Shared drive managers cannot override the shared drive settings',
  description:
    'When members with manager access may override the shared drive settings, any manager can open a drive to people outside the organization or to non-members and undo the restrictions administrators chose.',
  remediation:
    'In the Google Admin console open Apps > Google Workspace > Drive and Docs > Sharing settings > Shared drive creation and clear "Allow members with manager access to override the settings below", for every organizational unit that overrides it.',
  severity: 'low',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/60781',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/drive.md',
  ],
  frameworks: { scuba: ['GWS.DRIVEDOCS.2.1v1'], cis_google_workspace: ['3.1.2.1.2.2'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.drive_and_docs.shared_drive_creation',
  evaluate(asset) {
    // No default is documented for this field: a root policy without it tells us nothing.
    return judgePolicyField(asset, 'allowManagersToOverrideSettings', { compliant: (on) => on === false });
  },
});
