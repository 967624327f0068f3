import { defineRule } from '../define-rule.ts';
import { policyViolation, readPolicy } from '../google-policies.ts';

/** Google's documented values when the root policy omits a field. */
const DEFAULTS: Record<string, unknown> = { externalSharingMode: 'ALLOWED', allowPublishingFiles: true };
const FIELDS = ['externalSharingMode', 'allowPublishingFiles'];

export default defineRule({
  id: 'google-workspace/drive-anyone-with-link-allowed',
  title: 'Drive files cannot be made visible to anyone with the link',
  description:
    'Where sharing outside the organization is allowed, users may also publish files to the web or open them to anyone with the link. Such a link needs no sign-in, is forwarded and indexed freely, and cannot be traced to a person.',
  remediation:
    'In the Google Admin console open Apps > Google Workspace > Drive and Docs > Sharing settings > Sharing options and clear "When sharing outside of your organization is allowed, users in your organization can make files and published web content visible to anyone with the link" on every organizational unit that allows external sharing.',
  severity: 'high',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/60781',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/drive.md',
  ],
  frameworks: { scuba: ['GWS.DRIVEDOCS.1.5v1'], cis_google_workspace: ['3.1.2.1.1.2'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.drive_and_docs.external_sharing',
  evaluate(asset) {
    const policy = readPolicy(asset, DEFAULTS);
    const mode = policy.read('externalSharingMode');
    const publishing = policy.read('allowPublishingFiles');
    if (mode === 'DISALLOWED' || publishing === false) return null;
    // Unset on an override: both inherited, judged on the parent's policy.
    if (mode === null && publishing === null) return null;
    return policyViolation(policy, FIELDS, { undisclosedSeverity: 'low' });
  },
});
