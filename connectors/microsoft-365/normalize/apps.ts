/**
 * Service principals → app assets; delegated grants and app-role assignments → oauth_grant
 * assets; application credentials → api_key assets (MODEL.md). Secrets never arrive: Graph
 * returns `secretText`/`key` as null in lists, and only the 3-character hint is kept.
 */
import type { AssetInput } from '../../../scanner/model.ts';

/** Microsoft's own tenant: its apps (Graph Explorer, Office…) are first party. */
export const MICROSOFT_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
const DAY = 86_400_000;

export interface ServicePrincipal {
  id: string;
  appId?: string | null;
  displayName?: string | null;
  publisherName?: string | null;
  appOwnerOrganizationId?: string | null;
  servicePrincipalType?: string | null;
  accountEnabled?: boolean | null;
  verifiedPublisher?: { displayName?: string | null; verifiedPublisherId?: string | null } | null;
  appRoles?: Array<{ id: string; value?: string | null }> | null;
}

export interface DelegatedGrant {
  id: string;
  clientId: string;
  consentType?: string | null;
  principalId?: string | null;
  resourceId?: string | null;
  scope?: string | null;
}

export interface AppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalType?: string | null;
  resourceId: string;
  resourceDisplayName?: string | null;
  createdDateTime?: string | null;
}

export interface Credential {
  keyId: string;
  displayName?: string | null;
  hint?: string | null;
  startDateTime?: string | null;
  endDateTime?: string | null;
}

export interface Application {
  id: string;
  appId: string;
  displayName?: string | null;
  passwordCredentials?: Credential[] | null;
  keyCredentials?: Credential[] | null;
}

export function isThirdParty(sp: ServicePrincipal, tenantId: string): boolean {
  const owner = sp.appOwnerOrganizationId?.toLowerCase();
  return Boolean(owner) && owner !== tenantId.toLowerCase() && owner !== MICROSOFT_TENANT;
}

function appFacts(sp: ServicePrincipal, tenantId: string) {
  return {
    publisherVerified: Boolean(sp.verifiedPublisher?.verifiedPublisherId),
    thirdParty: isThirdParty(sp, tenantId),
  };
}

export function normalizeServicePrincipal(
  sp: ServicePrincipal,
  tenantId: string,
  observedAt: string,
): AssetInput {
  const facts = appFacts(sp, tenantId);
  return {
    provider: 'microsoft-365',
    kind: 'app',
    externalId: sp.id,
    name: sp.displayName ?? sp.appId ?? sp.id,
    url: null,
    observedAt,
    appId: sp.appId ?? sp.id,
    publisher: sp.verifiedPublisher?.displayName ?? sp.publisherName ?? null,
    publisherVerified: facts.publisherVerified,
    attributes: {
      appOwnerOrganizationId: sp.appOwnerOrganizationId ?? null,
      thirdParty: facts.thirdParty,
      servicePrincipalType: sp.servicePrincipalType ?? null,
      accountEnabled: sp.accountEnabled ?? null,
    },
  };
}

export function normalizeDelegatedGrant(
  grant: DelegatedGrant,
  client: ServicePrincipal | undefined,
  resource: ServicePrincipal | undefined,
  principal: string | null,
  tenantId: string,
  observedAt: string,
): AssetInput {
  const tenantWide = grant.consentType === 'AllPrincipals';
  const appName = client?.displayName ?? grant.clientId;
  return {
    provider: 'microsoft-365',
    kind: 'oauth_grant',
    externalId: grant.id,
    name: `${appName} → ${tenantWide ? 'all users' : (principal ?? grant.principalId ?? 'unknown user')}`,
    url: null,
    observedAt,
    appId: client?.appId ?? grant.clientId,
    appName,
    principal: tenantWide ? null : principal,
    principalType: tenantWide ? 'tenant' : 'user',
    scopes: (grant.scope ?? '').split(' ').filter(Boolean),
    attributes: {
      clientId: grant.clientId,
      resource: resource?.displayName ?? grant.resourceId ?? null,
      consentType: grant.consentType ?? null,
      ...(client ? appFacts(client, tenantId) : { publisherVerified: null, thirdParty: null }),
    },
  };
}

export function normalizeAppRoleAssignment(
  assignment: AppRoleAssignment,
  client: ServicePrincipal | undefined,
  roleValue: string,
  tenantId: string,
  observedAt: string,
): AssetInput {
  const appName = client?.displayName ?? assignment.principalId;
  return {
    provider: 'microsoft-365',
    kind: 'oauth_grant',
    externalId: assignment.id,
    name: `${appName} → ${assignment.resourceDisplayName ?? 'API'}: ${roleValue}`,
    url: null,
    observedAt,
    appId: client?.appId ?? assignment.principalId,
    appName,
    principal: null,
    principalType: 'tenant',
    scopes: [`application:${roleValue}`],
    allResources: true,
    createdAt: assignment.createdDateTime ?? null,
    attributes: {
      clientId: assignment.principalId,
      resource: assignment.resourceDisplayName ?? assignment.resourceId,
      consentType: 'Application',
      ...(client ? appFacts(client, tenantId) : { publisherVerified: null, thirdParty: null }),
    },
  };
}

export function normalizeCredentials(
  app: Application,
  privileged: boolean,
  observedAt: string,
): AssetInput[] {
  const of = (credential: Credential, keyType: 'client_secret' | 'certificate'): AssetInput => {
    const start = credential.startDateTime ? Date.parse(credential.startDateTime) : Number.NaN;
    const end = credential.endDateTime ? Date.parse(credential.endDateTime) : Number.NaN;
    return {
      provider: 'microsoft-365',
      kind: 'api_key',
      externalId: `${app.id}:${credential.keyId}`,
      name: `${app.displayName ?? app.appId}: ${credential.displayName || credential.keyId}`,
      url: null,
      observedAt,
      keyType,
      owner: app.appId,
      hint: keyType === 'client_secret' ? (credential.hint ?? null) : null,
      createdAt: credential.startDateTime ?? null,
      expiresAt: credential.endDateTime ?? null,
      lastUsedAt: null,
      usageTracked: false,
      attributes: {
        appId: app.appId,
        appName: app.displayName ?? null,
        lifetimeDays: Number.isFinite(start) && Number.isFinite(end) ? Math.round((end - start) / DAY) : null,
        privileged,
      },
    };
  };
  return [
    ...(app.passwordCredentials ?? []).map((c) => of(c, 'client_secret')),
    ...(app.keyCredentials ?? []).map((c) => of(c, 'certificate')),
  ];
}

/** Application permissions that reach all mail, files, sites or the directory (MODEL.md). */
export function isPrivilegedAppRole(value: string): boolean {
  return (
    /\.ReadWrite\.All$/.test(value) ||
    /^(Mail|Files|Sites|Directory|RoleManagement)\./.test(value) ||
    value === 'AppRoleAssignment.ReadWrite.All' ||
    value === 'User.ReadWrite.All' ||
    value === 'full_access_as_app'
  );
}
