import { defineRule } from '../define-rule.ts';
import { canEdit, countedDlpProfiles, dlpEvidence, dlpInspected, isPublic } from '../dlp-file.ts';

export default defineRule({
  id: 'common/dlp-file-public-edit',
  title: 'Files with sensitive content are not editable by anyone with the link',
  description:
    'The file holds data a DLP profile matched (personal, health, financial data, credentials or source code) and anyone on the internet who has the link can open and change it: the data can be read, copied or replaced without signing in.',
  remediation:
    'Remove the public or "anyone with the link" permission, or restrict it to named people in the organization; if the content must be shared, remove the sensitive data first.',
  severity: 'critical',
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
    if (!isPublic(asset) || !canEdit(asset)) return null;
    const profiles = countedDlpProfiles(asset, ctx.policy);
    return profiles ? { evidence: dlpEvidence(asset, profiles) } : null;
  },
});
