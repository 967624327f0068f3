/**
 * SharePoint admin REST on the same host: `GET /_api/SPO.Tenant` (alias of
 * `/_api/Microsoft.Online.SharePoint.TenantAdministration.Tenant`), the tenant's sharing defaults
 * Graph does not expose. Enums are numbers as SPO returns them — SharingCapability 0 Disabled,
 * 1 ExternalUserSharingOnly, 2 ExternalUserAndGuestSharing, 3 ExistingExternalUserSharingOnly;
 * DefaultSharingLinkType 0 None, 1 Direct, 2 Internal, 3 AnonymousAccess; DefaultLinkPermission
 * 0 None, 1 View, 2 Edit — in the OData flavour the Accept header asks for (nometadata,
 * minimalmetadata, verbose; Atom XML without a JSON Accept). App-only tokens must come from a
 * certificate ("Unsupported app only token." for a client secret) and hold Sites.FullControl.All.
 */
import type { MicrosoftAuthState } from './auth.ts';
import { SHAREPOINT_APP_ID } from './catalog.ts';
import type { MicrosoftTenant, SharingCapability } from './types.ts';
import type { GraphReply } from './wire.ts';

export const SPO_TENANT_PATHS = [
  '/_api/SPO.Tenant',
  '/_api/Microsoft.Online.SharePoint.TenantAdministration.Tenant',
];
const TYPE = 'Microsoft.Online.SharePoint.TenantAdministration.Tenant';

export const SHARING_CAPABILITY_NUMBERS: Record<SharingCapability, number> = {
  disabled: 0,
  externalUserSharingOnly: 1,
  externalUserAndGuestSharing: 2,
  existingExternalUserSharingOnly: 3,
};

function tenantProperties(tenant: MicrosoftTenant): Record<string, unknown> {
  const s = tenant.sharepoint;
  const capability = SHARING_CAPABILITY_NUMBERS[s.sharingCapability];
  return {
    AllowDownloadingNonWebViewableFiles: true,
    BccExternalSharingInvitations: false,
    DefaultLinkPermission: s.defaultLinkPermission,
    DefaultSharingLinkType: s.defaultSharingLinkType,
    EmailAttestationReAuthDays: 30,
    EmailAttestationRequired: false,
    ExternalUserExpirationRequired: false,
    ExternalUserExpireInDays: 60,
    FileAnonymousLinkType: s.defaultLinkPermission === 2 ? 2 : 1,
    FolderAnonymousLinkType: s.defaultLinkPermission === 2 ? 2 : 1,
    OneDriveSharingCapability: capability,
    PreventExternalUsersFromResharing: !s.isResharingByExternalUsersEnabled,
    RequireAcceptingAccountMatchInvitedAccount: s.isRequireAcceptingUserToMatchInvitedUserEnabled,
    RequireAnonymousLinksExpireInDays: s.requireAnonymousLinksExpireInDays,
    SharingAllowedDomainList: s.sharingAllowedDomainList.join(' ') || null,
    SharingBlockedDomainList: s.sharingBlockedDomainList.join(' ') || null,
    SharingCapability: capability,
    SharingDomainRestrictionMode: { none: 0, allowList: 1, blockList: 2 }[s.sharingDomainRestrictionMode],
    ShowAllUsersClaim: false,
    ShowEveryoneClaim: false,
    ShowEveryoneExceptExternalUsersClaim: true,
  };
}

function odataError(status: number, code: string, message: string, verbose: boolean): GraphReply {
  const error = { code, message: { lang: 'en-US', value: message } };
  return { status, body: verbose ? { error } : { 'odata.error': error } };
}

const xmlEscape = (v: unknown) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function spoTenant(
  tenant: MicrosoftTenant,
  auth: MicrosoftAuthState,
  origin: string,
  path: string,
  query: URLSearchParams,
  headers: Record<string, string | undefined>,
): GraphReply {
  const accept = (headers.accept ?? '').toLowerCase();
  const verbose = accept.includes('odata=verbose');
  const grant = auth.authenticate(headers.authorization);
  const challenge = {
    'www-authenticate': `Bearer realm="${tenant.tenantId}",client_id="${SHAREPOINT_APP_ID}",trusted_issuers="00000001-0000-0000-c000-000000000000@*,https://sts.windows.net/*/",authorization_uri="https://login.windows.net/common/oauth2/authorize"`,
  };
  const unauthorized = (description: string): GraphReply => ({
    status: 401,
    body: { error_description: description },
    headers: challenge,
  });
  if (grant === undefined)
    return unauthorized('Invalid JWT token. No certificate thumbprint specified in token header.');
  if (grant === 'expired') return unauthorized('Invalid JWT token. The token is expired.');
  if (grant.resource === 'graph') return unauthorized("Invalid audience Uri 'https://graph.microsoft.com'.");
  if (grant.credential === 'secret') return unauthorized('Unsupported app only token.');
  if (!grant.roles.has('Sites.FullControl.All')) {
    return odataError(
      403,
      '-2147024891, System.UnauthorizedAccessException',
      'Access denied. You do not have permission to perform this action or access this resource.',
      verbose,
    );
  }
  let props = tenantProperties(tenant);
  const select = query.get('$select');
  if (select) {
    const wanted = new Set(select.split(',').map((s) => s.trim().toLowerCase()));
    props = Object.fromEntries(Object.entries(props).filter(([k]) => wanted.has(k.toLowerCase())));
  }
  const id = `${origin}/_api/${TYPE}`;
  if (verbose) return { status: 200, body: { d: { __metadata: { id, uri: id, type: TYPE }, ...props } } };
  if (accept.includes('odata=nometadata')) return { status: 200, body: props };
  if (accept.includes('json')) {
    return {
      status: 200,
      body: {
        'odata.metadata': `${origin}/_api/$metadata#SP.ApiData.Tenants/@Element`,
        'odata.type': TYPE,
        'odata.id': id,
        'odata.editLink': path.replace(/^\/_api\//, ''),
        ...props,
      },
    };
  }
  const properties = Object.entries(props)
    .map(([k, v]) => (v === null ? `<d:${k} m:null="true" />` : `<d:${k}>${xmlEscape(v)}</d:${k}>`))
    .join('');
  return {
    status: 200,
    raw: {
      contentType: 'application/atom+xml;type=entry;charset=utf-8',
      data: `<?xml version="1.0" encoding="utf-8"?><entry xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><id>${id}</id><category term="${TYPE}" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme" /><content type="application/xml"><m:properties>${properties}</m:properties></content></entry>`,
    },
  };
}
