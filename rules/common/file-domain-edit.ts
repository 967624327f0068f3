import { defineRule } from '../define-rule.ts';
import { canEdit } from '../dlp-file.ts';
import { sharingEvidence } from '../file-sharing.ts';

export default defineRule({
  id: 'common/file-domain-edit',
  title: 'Files are not editable by the whole organization',
  description:
    'Everyone in the organization (a domain-wide link or share) can change the file: far more people than need to, and any one compromised account can alter it.',
  remediation:
    'Replace the organization-wide permission with the people or groups who need to edit (in Google Drive: Share > General access > Restricted, then add them); keep organization-wide access at viewer if it is needed at all.',
  severity: 'medium',
  provider: 'common',
  kind: 'file',
  references: [
    'https://support.google.com/drive/answer/2494822',
    'https://support.google.com/a/answer/60781',
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off',
  ],
  frameworks: { soc2: ['CC6.1', 'CC6.3'], iso27001: ['A.5.15'] },
  evaluate(asset) {
    return asset.exposure === 'domain' && canEdit(asset) ? { evidence: sharingEvidence(asset) } : null;
  },
});
