/**
 * Tenant-wide settings Graph exposes as single objects (no `value[]`):
 * `/policies/authorizationPolicy` (user consent and app registration),
 * `/policies/adminConsentRequestPolicy` and `/admin/sharepoint/settings` (sharing capability as
 * a name; SPO's default link settings are not in this resource — see spo.ts).
 */
import { type GraphRoute, PERMISSIONS } from './route-types.ts';

export const policyRoutes: GraphRoute[] = [
  {
    method: 'GET',
    template: '/v1.0/policies/authorizationPolicy',
    permissions: PERMISSIONS.authorizationPolicy,
    handle({ tenant, origin }) {
      const p = tenant.authorizationPolicy;
      return {
        status: 200,
        body: {
          '@odata.context': `${origin}/v1.0/$metadata#policies/authorizationPolicy/$entity`,
          id: 'authorizationPolicy',
          displayName: 'Authorization Policy',
          description: 'Used to manage authorization related settings across the company.',
          allowInvitesFrom: p.allowInvitesFrom,
          allowedToSignUpEmailBasedSubscriptions: p.allowedToSignUpEmailBasedSubscriptions,
          allowedToUseSSPR: p.allowedToUseSSPR,
          allowEmailVerifiedUsersToJoinOrganization: p.allowEmailVerifiedUsersToJoinOrganization,
          allowUserConsentForRiskyApps: p.allowUserConsentForRiskyApps,
          blockMsolPowerShell: p.blockMsolPowerShell,
          guestUserRoleId: p.guestUserRoleId,
          defaultUserRolePermissions: {
            ...p.defaultUserRolePermissions,
            permissionGrantPoliciesAssigned: [
              ...p.defaultUserRolePermissions.permissionGrantPoliciesAssigned,
            ],
          },
        },
      };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/policies/adminConsentRequestPolicy',
    permissions: PERMISSIONS.consentRequestPolicy,
    handle({ tenant, origin }) {
      const p = tenant.adminConsentRequestPolicy;
      return {
        status: 200,
        body: {
          '@odata.context': `${origin}/v1.0/$metadata#policies/adminConsentRequestPolicy/$entity`,
          isEnabled: p.isEnabled,
          notifyReviewers: p.notifyReviewers,
          remindersEnabled: p.remindersEnabled,
          requestDurationInDays: p.requestDurationInDays,
          version: p.version,
          reviewers: p.reviewers.map((r) => ({ ...r })),
        },
      };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/admin/sharepoint/settings',
    permissions: PERMISSIONS.sharepointSettings,
    handle({ tenant, origin }) {
      const s = tenant.sharepoint;
      return {
        status: 200,
        body: {
          '@odata.context': `${origin}/v1.0/$metadata#admin/sharepoint/settings/$entity`,
          allowedDomainGuidsForSyncApp: [],
          availableManagedPathsForSiteCreation: ['/sites/', '/teams/'],
          deletedUserPersonalSiteRetentionPeriodInDays: s.deletedUserPersonalSiteRetentionPeriodInDays,
          excludedFileExtensionsForSyncApp: [],
          idleSessionSignOut: { isEnabled: false, warnAfterInSeconds: 0, signOutAfterInSeconds: 0 },
          imageTaggingOption: 'basic',
          isCommentingOnSitePagesEnabled: true,
          isFileActivityNotificationEnabled: true,
          isLegacyAuthProtocolsEnabled: s.isLegacyAuthProtocolsEnabled,
          isLoopEnabled: true,
          isMacSyncAppEnabled: true,
          isRequireAcceptingUserToMatchInvitedUserEnabled: s.isRequireAcceptingUserToMatchInvitedUserEnabled,
          isResharingByExternalUsersEnabled: s.isResharingByExternalUsersEnabled,
          isSharePointMobileNotificationEnabled: true,
          isSharePointNewsfeedEnabled: false,
          isSiteCreationEnabled: true,
          isSiteCreationUIEnabled: true,
          isSitePagesCreationEnabled: true,
          isSitesStorageLimitAutomatic: true,
          isSyncButtonHiddenOnPersonalSite: false,
          isUnmanagedSyncAppForTenantRestricted: s.isUnmanagedSyncAppForTenantRestricted,
          personalSiteDefaultStorageLimitInMB: 1_048_576,
          sharingAllowedDomainList: [...s.sharingAllowedDomainList],
          sharingBlockedDomainList: [...s.sharingBlockedDomainList],
          sharingCapability: s.sharingCapability,
          sharingDomainRestrictionMode: s.sharingDomainRestrictionMode,
          siteCreationDefaultManagedPath: '/sites/',
          siteCreationDefaultStorageLimitInMB: 26_214_400,
          tenantDefaultTimezone: '(UTC) Coordinated Universal Time',
        },
      };
    },
  },
];
