import { defineRule } from '../define-rule.ts';
import { judgeSharingControl } from '../google-policies.ts';

/** Google's documented values when the root policy omits a field. */
const DEFAULTS: Record<string, unknown> = {
  externalSharingMode: 'ALLOWED',
  warnForExternalSharing: true,
  warnForSharingOutsideAllowlistedDomains: true,
};
const WARNINGS = ['warnForExternalSharing', 'warnForSharingOutsideAllowlistedDomains'] as const;

export default defineRule({
  id: 'google-workspace/drive-external-sharing-without-warning',
  title: 'Users are warned before sharing Drive files outside the organization',
  description:
    'Where sharing outside the organization (or with allowlisted domains) is allowed, the warning is the last prompt that tells a user the recipient is external. Without it, a typo in an address silently sends a file out.',
  remediation:
    'In the Google Admin console open Apps > Google Workspace > Drive and Docs > Sharing settings > Sharing options and check "Warn when files owned by users or shared drives in your organization are shared outside" (for allowlisted domains: "…are shared with users in allowlisted domains") on every organizational unit that allows external sharing.',
  severity: 'low',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/60781',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/drive.md',
  ],
  frameworks: { scuba: ['GWS.DRIVEDOCS.1.3v1'], cis_google_workspace: ['3.1.2.1.1.1', '3.1.2.1.1.4'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.drive_and_docs.external_sharing',
  evaluate(asset) {
    // An override that inherits the mode: a warning turned off here matters if the parent allows sharing.
    return judgeSharingControl(asset, { defaults: DEFAULTS, fields: WARNINGS, compliant: true });
  },
});
