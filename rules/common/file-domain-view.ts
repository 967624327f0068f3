import { defineRule } from '../define-rule.ts';
import { canEdit } from '../dlp-file.ts';
import { sharingEvidence } from '../file-sharing.ts';

export default defineRule({
  id: 'common/file-domain-view',
  title: 'Files are not readable by the whole organization',
  description:
    'Everyone in the organization (a domain-wide link or share) can open the file. Usually intended for handbooks and templates, but it also spreads files that were meant for a few people.',
  remediation:
    'Check that the file is meant for everyone; otherwise replace the organization-wide permission with the people or groups who need it (in Google Drive: Share > General access > Restricted).',
  severity: 'low',
  provider: 'common',
  kind: 'file',
  references: [
    'https://support.google.com/drive/answer/2494822',
    'https://support.google.com/a/answer/60781',
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off',
  ],
  frameworks: { soc2: ['CC6.1'], iso27001: ['A.5.15'] },
  evaluate(asset) {
    return asset.exposure === 'domain' && !canEdit(asset) ? { evidence: sharingEvidence(asset) } : null;
  },
});
