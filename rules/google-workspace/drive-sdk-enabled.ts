import { defineRule } from '../define-rule.ts';
import { judgePolicyField } from '../google-policies.ts';

export default defineRule({
  id: 'google-workspace/drive-sdk-enabled',
  title: 'Drive SDK access to Google Drive is off',
  description:
    "The Drive SDK lets third-party and custom apps read and change users' Drive files through the API on their behalf. Left on, any app a user authorises becomes a path for bulk data access outside the admin console's view.",
  remediation:
    'In the Google Admin console open Apps > Google Workspace > Drive and Docs > Features and Applications and clear "Allow users to access Google Drive with the Drive SDK API", for every organizational unit that overrides it; allow it only for the units whose apps need it.',
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://cloud.google.com/identity/docs/concepts/supported-policy-api-settings',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/drive.md',
  ],
  frameworks: { scuba: ['GWS.DRIVEDOCS.4.1v1'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.drive_and_docs.drive_sdk',
  evaluate(asset) {
    // Google documents "on" as the value a root policy without the field has.
    return judgePolicyField(asset, 'enableDriveSdkApiAccess', {
      default: true,
      compliant: (on) => on === false,
    });
  },
});
