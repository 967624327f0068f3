import { defineRule } from '../define-rule.ts';
import { judgeSharingControl } from '../google-policies.ts';

/** Google's documented values when the root policy omits a field. */
const DEFAULTS: Record<string, unknown> = {
  externalSharingMode: 'ALLOWED',
  allowNonGoogleInvites: true,
  allowNonGoogleInvitesInAllowlistedDomains: false,
};
const INVITES = ['allowNonGoogleInvites', 'allowNonGoogleInvitesInAllowlistedDomains'] as const;

export default defineRule({
  id: 'google-workspace/drive-non-google-invites-allowed',
  title: 'Drive files cannot be shared with people who have no Google account',
  description:
    'Sharing with someone who has no Google account sends a visitor link: whoever holds the invitation email can open the file, with no account, sign-in or 2-Step Verification behind it.',
  remediation:
    'In the Google Admin console open Apps > Google Workspace > Drive and Docs > Sharing settings > Sharing options and clear "Allow users or shared drives in your organization to share items with people outside of your organization who aren\'t using a Google account" on every organizational unit that allows external sharing.',
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/60781',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/drive.md',
  ],
  frameworks: { scuba: ['GWS.DRIVEDOCS.1.4v1'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.drive_and_docs.external_sharing',
  evaluate(asset) {
    // An override that inherits the mode: invites allowed here matter if the parent allows sharing.
    return judgeSharingControl(asset, {
      defaults: DEFAULTS,
      fields: INVITES,
      compliant: false,
      undisclosedSeverity: 'low',
    });
  },
});
