import { defineRule } from '../define-rule.ts';
import { judgePolicyField } from '../google-policies.ts';

export default defineRule({
  id: 'google-workspace/drive-default-access-not-private',
  title: 'New Drive items are private to their owner by default',
  description:
    'When new files start out shared with the primary target audience (the domain, or a group), anything a user creates is readable by that audience before they decide who should see it, and sensitive drafts are exposed by default.',
  remediation:
    'In the Google Admin console open Apps > Google Workspace > Drive and Docs > Sharing settings > General access default and set "When users in your organization create items, the default access will be" to "Private to the owner", for every organizational unit that overrides it.',
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/60781',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/drive.md',
  ],
  frameworks: { scuba: ['GWS.DRIVEDOCS.1.8v1'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.drive_and_docs.general_access_default',
  evaluate(asset) {
    // No default is documented for this field: a root policy without it tells us nothing.
    return judgePolicyField(asset, 'defaultFileAccess', {
      compliant: (access) => access === 'PRIVATE_TO_OWNER',
      undisclosedSeverity: 'low',
    });
  },
});
