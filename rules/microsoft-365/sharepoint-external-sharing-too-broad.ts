import { defineRule } from '../define-rule.ts';
import { sharingCapabilityLabel, sharingCapabilityOf } from '../microsoft-settings.ts';

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export default defineRule({
  id: 'microsoft-365/sharepoint-external-sharing-too-broad',
  title: 'SharePoint and OneDrive share only with existing guests',
  description:
    'The organization-level external sharing setting lets users share SharePoint (and so OneDrive, which can never be more permissive) content with people who are not yet guests in the tenant. "New and existing guests" invites any email address on a whim; "Anyone" additionally allows links that work without signing in, which are forwarded, indexed and never attributable to a person.',
  remediation:
    'In the SharePoint admin center go to Policies > Sharing and move the SharePoint slider under External sharing to Existing guests or Only people in your organization (OneDrive follows). Invite partners as guests through Entra ID instead; if users must invite new guests, at least limit sharing to partner domains under More external sharing settings > Limit external sharing by domain. Sites that need more can be raised individually.',
  severity: 'medium',
  provider: 'microsoft-365',
  kind: 'setting',
  streams: ['sharepoint-settings'],
  references: [
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off',
    'https://learn.microsoft.com/en-us/sharepoint/external-sharing-overview',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/sharepoint.md',
  ],
  // CIS M365 7.2.3 accepts "New and existing guests"; this rule follows the stricter SCuBA baseline.
  frameworks: { scuba: ['MS.SHAREPOINT.1.1v1'], soc2: ['CC6.1', 'CC6.7'], iso27001: ['A.5.14'] },
  appliesTo: (asset) => asset.settingType === 'microsoft-365.sharepoint_settings',
  evidenceAvailable: (asset) => sharingCapabilityOf(asset.values.sharingCapability) !== null,
  evaluate(asset) {
    const capability = sharingCapabilityOf(asset.values.sharingCapability);
    if (capability !== 'externalUserSharingOnly' && capability !== 'externalUserAndGuestSharing') return null;
    const mode = asset.values.sharingDomainRestrictionMode;
    const evidence = {
      sharingCapability: capability,
      setting: sharingCapabilityLabel[capability],
      sharingDomainRestrictionMode: typeof mode === 'string' ? mode : null,
      sharingAllowedDomainList: stringsOf(asset.values.sharingAllowedDomainList),
    };
    // Anyone links work without an account: no domain list or guest policy applies to them.
    if (capability === 'externalUserAndGuestSharing') return { evidence, severity: 'high' };
    // New guests, but only from allowlisted partner domains.
    if (mode === 'allowList' && evidence.sharingAllowedDomainList.length > 0)
      return { evidence, severity: 'low' };
    return { evidence };
  },
});
