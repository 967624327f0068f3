import { defineRule } from '../define-rule.ts';
import { canEdit, countedDlpProfiles, dlpEvidence, dlpInspected, isPublic } from '../dlp-file.ts';

export default defineRule({
  id: 'common/dlp-file-public-view',
  title: 'Files with sensitive content are not readable by anyone with the link',
  description:
    'The file holds data a DLP profile matched and anyone on the internet who has the link can read it. Links travel in e-mail, chats and browser history; search engines index some of them.',
  remediation:
    'Remove the public or "anyone with the link" permission, or restrict it to named people; if the content must be public, remove the sensitive data first.',
  severity: 'high',
  provider: 'common',
  kind: 'file',
  references: [
    'https://support.google.com/drive/answer/2494822',
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off',
  ],
  frameworks: { soc2: ['CC6.1', 'CC6.7'], iso27001: ['A.8.12'] },
  evidenceAvailable: dlpInspected,
  appliesTo: (asset) => asset.dlp?.status === 'matched',
  evaluate(asset, ctx) {
    // Editable public files are the critical sibling rule's; one finding per file and exposure.
    if (!isPublic(asset) || canEdit(asset)) return null;
    const profiles = countedDlpProfiles(asset, ctx.policy);
    return profiles ? { evidence: dlpEvidence(asset, profiles) } : null;
  },
});
