import { defineRule } from '../define-rule.ts';
import { canEdit, isPublic } from '../dlp-file.ts';
import { sharingEvidence } from '../file-sharing.ts';

export default defineRule({
  id: 'common/file-public-edit',
  title: 'Files are not editable by anyone with the link',
  description:
    'Anyone on the internet who has (or finds) the link can open and change the file without signing in: its content can be read, copied, replaced or used to host malicious material under the company name.',
  remediation:
    'Remove the public or "anyone with the link" permission (in Google Drive: Share > General access > Restricted), or restrict it to named people; in the Google Admin console, Apps > Google Workspace > Drive and Docs > Sharing settings, turn off making files visible to anyone with the link.',
  severity: 'critical',
  provider: 'common',
  kind: 'file',
  references: [
    'https://support.google.com/drive/answer/2494822',
    'https://support.google.com/a/answer/60781',
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off',
  ],
  frameworks: {
    scuba: ['GWS.DRIVEDOCS.1.5v1'],
    cis_google_workspace: ['3.1.2.1.1.2'],
    soc2: ['CC6.1', 'CC6.7'],
    iso27001: ['A.5.14', 'A.8.3'],
  },
  evaluate(asset) {
    return isPublic(asset) && canEdit(asset) ? { evidence: sharingEvidence(asset) } : null;
  },
});
