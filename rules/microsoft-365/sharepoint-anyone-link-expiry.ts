import { defineRule } from '../define-rule.ts';
import { disclosed, sharingCapabilityOf } from '../microsoft-settings.ts';

interface Options extends Record<string, unknown> {
  /** The longest an Anyone link may live, in days (SCuBA: 30). */
  maxDays: number;
}

export default defineRule<'setting', Options>({
  id: 'microsoft-365/sharepoint-anyone-link-expiry',
  title: 'Anyone links expire within 30 days',
  description:
    'The tenant allows "Anyone" links (no sign-in needed) and does not make them expire within 30 days. Such a link keeps working for whoever has it long after the file was meant to be shared: in forwarded mail, chat history, tickets and search indexes.',
  remediation:
    'In the SharePoint admin center go to Policies > Sharing and, under Choose expiration and permissions options for Anyone links, check These links must expire within this many days and enter 30 or fewer; set These links can give these permissions to View for files and folders. Better still, move the external sharing slider below Anyone.',
  severity: 'medium',
  provider: 'microsoft-365',
  kind: 'setting',
  streams: ['sharepoint-tenant'],
  options: { maxDays: 30 },
  references: [
    'https://learn.microsoft.com/en-us/sharepoint/turn-external-sharing-on-or-off',
    'https://github.com/cisagov/ScubaGear/blob/main/PowerShell/ScubaGear/baselines/sharepoint.md',
  ],
  frameworks: { scuba: ['MS.SHAREPOINT.3.1v1'], soc2: ['CC6.1', 'CC6.7'], iso27001: ['A.5.14'] },
  appliesTo: (asset) => asset.settingType === 'microsoft-365.sharepoint_tenant',
  // The expiry matters only where Anyone links are allowed, so an undisclosed expiry on a tenant
  // that does not allow them is no obstacle.
  evidenceAvailable: (asset) => {
    const capability = sharingCapabilityOf(asset.values.sharingCapability);
    if (capability === null) return false;
    return (
      capability !== 'externalUserAndGuestSharing' || disclosed(asset, 'requireAnonymousLinksExpireInDays')
    );
  },
  evaluate(asset, ctx) {
    if (sharingCapabilityOf(asset.values.sharingCapability) !== 'externalUserAndGuestSharing') return null;
    const days = asset.values.requireAnonymousLinksExpireInDays;
    // SPO reports -1 (or 0) when Anyone links never expire.
    if (typeof days === 'number' && days >= 1 && days <= ctx.options.maxDays) return null;
    return {
      evidence: {
        sharingCapability: 'externalUserAndGuestSharing',
        requireAnonymousLinksExpireInDays: days,
        expires: typeof days === 'number' && days >= 1,
        maxDays: ctx.options.maxDays,
      },
    };
  },
});
