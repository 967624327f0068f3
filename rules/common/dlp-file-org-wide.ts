import { defineRule } from '../define-rule.ts';
import { countedDlpProfiles, dlpEvidence, dlpInspected } from '../dlp-file.ts';

export default defineRule({
  id: 'common/dlp-file-org-wide',
  title: 'Files with sensitive content are not shared with the whole organization',
  description:
    'The file holds data a DLP profile matched and everyone in the organization can open it (a domain-wide link or share), far more people than need the data.',
  remediation: 'Replace the organization-wide permission with the people or groups who need the file.',
  severity: 'medium',
  provider: 'common',
  kind: 'file',
  references: [
    'https://support.google.com/drive/answer/2494822',
    'https://learn.microsoft.com/en-us/sharepoint/change-default-sharing-link',
  ],
  frameworks: { soc2: ['CC6.1'], iso27001: ['A.8.12', 'A.5.15'] },
  evidenceAvailable: dlpInspected,
  appliesTo: (asset) => asset.dlp?.status === 'matched',
  evaluate(asset, ctx) {
    if (asset.exposure !== 'domain') return null;
    const profiles = countedDlpProfiles(asset, ctx.policy);
    return profiles ? { evidence: dlpEvidence(asset, profiles) } : null;
  },
});
