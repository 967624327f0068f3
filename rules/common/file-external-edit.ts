import { defineRule } from '../define-rule.ts';
import { canEdit, isUntrustedExternal } from '../dlp-file.ts';
import { sharingEvidence } from '../file-sharing.ts';

export default defineRule({
  id: 'common/file-external-edit',
  title: 'Files are not editable by people outside the organization',
  description:
    'The file can be changed by accounts outside the organization whose domains the tenant policy does not allow: they can alter or delete content and share it further.',
  remediation:
    "Remove the external editors or lower them to viewers, or add the partner domain to the policy's allowedDomains if the share is intended; in the Google Admin console, Apps > Google Workspace > Drive and Docs > Sharing settings, limit sharing outside the organization to allowlisted domains.",
  severity: 'high',
  provider: 'common',
  kind: 'file',
  references: [
    'https://support.google.com/drive/answer/2494822',
    'https://support.google.com/a/answer/60781',
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off',
  ],
  frameworks: {
    scuba: ['GWS.DRIVEDOCS.1.1v1'],
    cis_google_workspace: ['3.1.2.1.1.3'],
    soc2: ['CC6.1', 'CC6.7'],
    iso27001: ['A.5.14'],
  },
  evaluate(asset, ctx) {
    return isUntrustedExternal(asset, ctx.policy) && canEdit(asset)
      ? { evidence: sharingEvidence(asset) }
      : null;
  },
});
