import { defineRule } from '../define-rule.ts';
import { disclosed } from '../microsoft-settings.ts';

export default defineRule({
  id: 'microsoft-365/sharepoint-default-link-permission-edit',
  title: 'Sharing links default to view-only',
  description:
    'Sharing links in SharePoint and OneDrive grant edit permission unless the user changes it. Most users keep the default, so recipients (and anyone a link is forwarded to) can change or delete documents, or replace them with malicious content colleagues then trust.',
  remediation:
    "In the SharePoint admin center go to Policies > Sharing > File and folder links and set Choose the permission that's selected by default for sharing links to View. Users can still pick Edit when they mean it.",
  severity: 'medium',
  provider: 'microsoft-365',
  kind: 'setting',
  streams: ['sharepoint-tenant'],
  references: [
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off#file-and-folder-links',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/sharepoint.md',
  ],
  frameworks: {
    scuba: ['MS.SHAREPOINT.2.2v1'],
    cis_m365: ['7.2.11'],
    soc2: ['CC6.1'],
    iso27001: ['A.8.3'],
  },
  appliesTo: (asset) => asset.settingType === 'microsoft-365.sharepoint_tenant',
  evidenceAvailable: (asset) => disclosed(asset, 'defaultLinkPermission'),
  evaluate(asset) {
    if (asset.values.defaultLinkPermission !== 'edit') return null;
    return { evidence: { defaultLinkPermission: 'edit' } };
  },
});
