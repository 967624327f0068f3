import { defineRule } from '../define-rule.ts';
import { canEdit, countedDlpProfiles, dlpEvidence, dlpInspected, isUntrustedExternal } from '../dlp-file.ts';

export default defineRule({
  id: 'common/dlp-file-external-view',
  title: 'Files with sensitive content are not readable by people outside the organization',
  description:
    'The file holds data a DLP profile matched and is shared for viewing with accounts outside the organization whose domains the tenant policy does not allow.',
  remediation:
    "Remove the external viewers, or add the partner domain to the policy's allowedDomains if the share is intended.",
  severity: 'medium',
  provider: 'common',
  kind: 'file',
  references: [
    'https://support.google.com/drive/answer/2494822',
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off',
  ],
  frameworks: { soc2: ['CC6.1', 'CC6.7'], iso27001: ['A.8.12', 'A.5.14'] },
  evidenceAvailable: dlpInspected,
  appliesTo: (asset) => asset.dlp?.status === 'matched',
  evaluate(asset, ctx) {
    if (!isUntrustedExternal(asset, ctx.policy) || canEdit(asset)) return null;
    const profiles = countedDlpProfiles(asset, ctx.policy);
    return profiles ? { evidence: dlpEvidence(asset, profiles) } : null;
  },
});
