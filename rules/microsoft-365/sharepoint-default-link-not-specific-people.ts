import type { Severity } from '../../scanner/model.ts';
import { defineRule } from '../define-rule.ts';
import { disclosed } from '../microsoft-settings.ts';

/** SPO's default link types (MODEL.md names them); `direct` is Specific people. */
const severityByLinkType: Record<string, Severity> = {
  anonymousAccess: 'high',
  internal: 'low',
};

export default defineRule({
  id: 'microsoft-365/sharepoint-default-link-not-specific-people',
  title: 'Sharing links default to specific people',
  description:
    'When a user shares a file or folder in SharePoint or OneDrive, the link type selected by default is not "Specific people". Most users keep the default, so a broader default (everyone in the organization, or anyone with the link) spreads documents far beyond the people they were meant for.',
  remediation:
    "In the SharePoint admin center go to Policies > Sharing > File and folder links and set Choose the type of link that's selected by default when users share files and folders to Specific people (only the people the user specifies). Sites can override it (Sites > Active sites > the site > Settings > Default sharing link type): check the ones that do.",
  severity: 'medium',
  provider: 'microsoft-365',
  kind: 'setting',
  streams: ['sharepoint-tenant'],
  references: [
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off#file-and-folder-links',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/sharepoint.md',
  ],
  // CIS M365 7.2.7 also accepts "Only people in your organization"; this rule follows SCuBA.
  frameworks: { scuba: ['MS.SHAREPOINT.2.1v1'], soc2: ['CC6.1'], iso27001: ['A.5.14', 'A.8.3'] },
  appliesTo: (asset) => asset.settingType === 'microsoft-365.sharepoint_tenant',
  evidenceAvailable: (asset) => disclosed(asset, 'defaultSharingLinkType'),
  evaluate(asset) {
    const linkType = asset.values.defaultSharingLinkType;
    if (linkType === 'direct') return null;
    const severity = typeof linkType === 'string' ? severityByLinkType[linkType] : undefined;
    const evidence = { defaultSharingLinkType: linkType };
    return severity ? { evidence, severity } : { evidence };
  },
});
