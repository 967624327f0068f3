/**
 * Tenant settings: the consent and app-registration policy (Entra) and SharePoint's sharing
 * settings are separate streams, so a missing Policy.Read.All or SharePointTenantSettings.Read.All
 * takes out only its own rules. The SharePoint admin API (link defaults Graph does not expose)
 * is read only when the connection names the admin site.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError, StreamUnavailableError } from '../../../scanner/errors.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import type { Microsoft365Client } from '../client.ts';
import type { Microsoft365Credentials } from '../credentials.ts';

function setting(settingType: string, values: Record<string, unknown>, observedAt: string): AssetInput {
  return {
    provider: 'microsoft-365',
    kind: 'setting',
    externalId: settingType,
    name: settingType.replace(/_/g, ' '),
    url: null,
    observedAt,
    settingType: `microsoft-365.${settingType}`,
    scope: 'tenant',
    values,
  };
}

const get = (client: Microsoft365Client, path: string, permission: string) =>
  client.call(`GET ${path}`, permission, (graph) => graph.api(path).get()) as Promise<
    Record<string, unknown>
  >;

export const consentPolicyStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'consent-policy',
  kinds: ['setting'],
  async *collect(ctx) {
    const observedAt = new Date().toISOString();
    const authorization = await get(ctx.client, '/policies/authorizationPolicy', 'Policy.Read.All');
    const defaults = (authorization.defaultUserRolePermissions ?? {}) as Record<string, unknown>;
    const consent = await get(ctx.client, '/policies/adminConsentRequestPolicy', 'Policy.Read.All');
    yield {
      assets: [
        setting(
          'authorization_policy',
          {
            allowedToCreateApps: defaults.allowedToCreateApps ?? null,
            permissionGrantPoliciesAssigned: defaults.permissionGrantPoliciesAssigned ?? null,
            allowInvitesFrom: authorization.allowInvitesFrom ?? null,
            guestUserRoleId: authorization.guestUserRoleId ?? null,
            allowUserConsentForRiskyApps: authorization.allowUserConsentForRiskyApps ?? null,
          },
          observedAt,
        ),
        setting(
          'admin_consent_request_policy',
          {
            isEnabled: consent.isEnabled ?? null,
            notifyReviewers: consent.notifyReviewers ?? null,
            remindersEnabled: consent.remindersEnabled ?? null,
            requestDurationInDays: consent.requestDurationInDays ?? null,
            reviewers: Array.isArray(consent.reviewers) ? consent.reviewers.length : null,
          },
          observedAt,
        ),
      ],
    };
  },
});

export const sharepointSettingsStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'sharepoint-settings',
  kinds: ['setting'],
  async *collect(ctx) {
    const settings = await get(ctx.client, '/admin/sharepoint/settings', 'SharePointTenantSettings.Read.All');
    const { '@odata.context': _context, ...values } = settings;
    yield { assets: [setting('sharepoint_settings', values, new Date().toISOString())] };
  },
});

/** SPO's enum numbers (CSOM `SharingCapabilities`, `SharingLinkType`, `SharingPermissionType`). */
const SHARING_CAPABILITY = [
  'disabled',
  'externalUserSharingOnly',
  'externalUserAndGuestSharing',
  'existingExternalUserSharingOnly',
];
const LINK_TYPE = ['none', 'direct', 'internal', 'anonymousAccess'];
const LINK_PERMISSION = ['none', 'view', 'edit'];
const named = (names: string[], value: unknown) =>
  typeof value === 'number' ? (names[value] ?? String(value)) : (value ?? null);

export const sharepointTenantStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'sharepoint-tenant',
  kinds: ['setting'],
  async *collect(ctx) {
    const admin = ctx.client.sharepointAdminUrl;
    if (!admin) {
      throw new StreamUnavailableError(
        'requires_sharepoint_admin_url',
        'microsoft-365: default link type, link permission and anyone-link expiry are readable only from the SharePoint admin API, which Graph does not proxy; set --config sharepointAdminUrl=https://<tenant>-admin.sharepoint.com (certificate credentials with Sites.FullControl.All)',
      );
    }
    let tenant: Record<string, unknown>;
    try {
      tenant = (await ctx.client.getJson(
        'GET /_api/SPO.Tenant',
        'SharePoint Sites.FullControl.All',
        `${admin}_api/SPO.Tenant`,
        `${admin}.default`,
      )) as Record<string, unknown>;
    } catch (error) {
      // SharePoint refuses app-only tokens got with a client secret ("Unsupported app only token").
      if (isPeriscopeError(error) && (error.code === 'auth_failed' || error.code === 'permission_denied')) {
        throw new StreamUnavailableError(
          'requires_certificate_credentials',
          `microsoft-365: the SharePoint admin API refused the app (${error.message}); it accepts app-only tokens from certificate credentials with Sites.FullControl.All`,
        );
      }
      throw error;
    }
    yield {
      assets: [
        setting(
          'sharepoint_tenant',
          {
            sharingCapability: named(SHARING_CAPABILITY, tenant.SharingCapability),
            defaultSharingLinkType: named(LINK_TYPE, tenant.DefaultSharingLinkType),
            defaultLinkPermission: named(LINK_PERMISSION, tenant.DefaultLinkPermission),
            requireAnonymousLinksExpireInDays: tenant.RequireAnonymousLinksExpireInDays ?? null,
          },
          new Date().toISOString(),
        ),
      ],
    };
  },
});
