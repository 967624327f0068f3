/**
 * Derives, straight from the tenant data, the findings the Microsoft 365 rules must produce after
 * a full scan — what is there, not what the generator meant to plant (the background draws
 * violations at random too). A test that mutates the tenant reads the new truth from here.
 *
 * It follows what the scanner can see: MFA registration and sign-in activity only on a premium
 * tenant (the registration report and signInActivity answer 403 elsewhere), SPO.Tenant settings
 * only when the scanner reads SharePoint REST, every drive item that is not deleted. Asset keys
 * and exposure follow connectors/microsoft-365/MODEL.md; "high risk" is the scanner's own scope
 * rating (scanner/scope-risk: high or critical), so the oracle and enrichment cannot disagree.
 */

import { highestScopeRisk } from '../../scanner/scope-risk/index.ts';
import { plantedContentMatches } from '../google/dlp-content.ts';
import { AI_APP_IDS } from './apps.ts';
import { type MicrosoftOracleRuleId, type MicrosoftPlanted, microsoftAssetKey } from './asset-keys.ts';
import { isPrivilegedAppRole, MICROSOFT_SERVICES_TENANT } from './catalog.ts';
import { itemExposure } from './item-access.ts';
import { MIME } from './item-store.ts';
import type { DriveItem, MicrosoftTenant, MsUser, ServicePrincipal } from './types.ts';

const DAY = 86_400_000;

export interface MicrosoftOracleOptions {
  /** Days without a successful sign-in after which an account is inactive. Default 90. */
  staleDays?: number;
  /** A credential expiring within this many days is reported. Default 30. */
  expiringDays?: number;
  /** Client secrets may live this many days. Default 180. */
  secretLifetimeDays?: number;
  /** Certificates may live this many days. Default 365. */
  certificateLifetimeDays?: number;
  /** The scanner read SharePoint's SPO.Tenant (the connection has a SharePoint admin URL). Default true. */
  sharepointTenant?: boolean;
  /**
   * DLP verdict for an item's text. Default: `plantedContentMatches`, which knows the planted
   * shapes; tests can pass the real engine (`(text) => scanner.scanText(text).status === 'matched'`).
   */
  dlp?: (text: string, item: DriveItem) => boolean;
  /** appIds of AI apps (default: the planted ones the AI catalog recognises). */
  aiAppIds?: readonly string[];
}

/** Third party per MODEL.md: owned by another tenant that is not Microsoft's first-party one. */
export function isThirdParty(tenant: MicrosoftTenant, sp: ServicePrincipal): boolean {
  const owner = sp.appOwnerOrganizationId;
  return owner !== null && owner !== tenant.tenantId && owner !== MICROSOFT_SERVICES_TENANT;
}

/** High or critical by the scanner's scope-risk table (what enrichment sets as `scopeRisk`). */
export function isHighRisk(scopes: readonly string[]): boolean {
  const risk = highestScopeRisk('microsoft-365', scopes)?.risk;
  return risk === 'high' || risk === 'critical';
}

export function isAdmin(tenant: MicrosoftTenant, user: MsUser): boolean {
  return tenant.roles.some((r) => r.members.includes(user.index));
}

/** MODEL.md's lastLoginAt: the last successful sign-in, else the last interactive one. */
export function lastLoginOf(user: MsUser): string | null {
  return user.signIn?.lastSuccessfulSignInDateTime ?? user.signIn?.lastSignInDateTime ?? null;
}

function inactive(user: MsUser, now: number, staleDays: number): boolean {
  const last = lastLoginOf(user);
  const since = last ? Date.parse(last) : Date.parse(user.createdDateTime);
  return now - since > staleDays * DAY;
}

/** What the DLP pipeline can read: text files and the Office documents it unzips. */
const dlpReadable = (item: DriveItem) =>
  !item.folder &&
  (item.mimeType?.startsWith('text/') === true || item.mimeType === MIME.docx || item.mimeType === MIME.xlsx);

/** The role values (`application:<value>`) a service principal holds. */
export function applicationScopes(tenant: MicrosoftTenant, sp: ServicePrincipal): string[] {
  const out: string[] = [];
  for (const a of tenant.assignments) {
    if (a.principalId !== sp.id) continue;
    const resource = tenant.servicePrincipals.find((s) => s.id === a.resourceId);
    const value = resource?.appRoles.find((r) => r.id === a.appRoleId)?.value;
    if (value) out.push(`application:${value}`);
  }
  return out;
}

export function findMicrosoftViolations(
  tenant: MicrosoftTenant,
  now: Date,
  options: MicrosoftOracleOptions = {},
): MicrosoftPlanted[] {
  const t = now.getTime();
  const found: MicrosoftPlanted[] = [];
  const add = (ruleId: MicrosoftOracleRuleId, assetKey: string) => found.push({ ruleId, assetKey });
  identities(tenant, t, options.staleDays ?? 90, add);
  settings(tenant, options.sharepointTenant ?? true, add);
  credentials(tenant, t, options, add);
  grants(tenant, new Set(options.aiAppIds ?? AI_APP_IDS), add);
  files(tenant, options.dlp ?? ((text) => plantedContentMatches(text)), add);
  return found;
}

type Add = (ruleId: MicrosoftOracleRuleId, assetKey: string) => void;

function identities(tenant: MicrosoftTenant, t: number, staleDays: number, add: Add): void {
  for (const user of tenant.users) {
    if (user.deleted) continue;
    const key = microsoftAssetKey.identity(user.id);
    const admin = isAdmin(tenant, user);
    if (tenant.premium && user.accountEnabled) {
      if (!user.mfa.isMfaRegistered)
        add(admin ? 'microsoft-365/admin-without-mfa' : 'microsoft-365/user-without-mfa', key);
      if (inactive(user, t, staleDays))
        add(admin ? 'microsoft-365/inactive-admin' : 'microsoft-365/inactive-user', key);
    }
    if (user.userType === 'Guest' && tenant.roles.some((r) => r.privileged && r.members.includes(user.index)))
      add('microsoft-365/guest-with-privileged-role', key);
  }
}

function settings(tenant: MicrosoftTenant, spoRead: boolean, add: Add): void {
  const policy = tenant.authorizationPolicy.defaultUserRolePermissions;
  const policyKey = microsoftAssetKey.setting('authorization_policy');
  if (
    policy.permissionGrantPoliciesAssigned.some((p) =>
      p.toLowerCase().startsWith('managepermissiongrantsforself.'),
    )
  )
    add('microsoft-365/users-can-consent-to-apps', policyKey);
  if (policy.allowedToCreateApps) add('microsoft-365/users-can-register-apps', policyKey);
  if (!tenant.adminConsentRequestPolicy.isEnabled)
    add(
      'microsoft-365/admin-consent-workflow-disabled',
      microsoftAssetKey.setting('admin_consent_request_policy'),
    );
  const sp = tenant.sharepoint;
  if (sp.sharingCapability !== 'disabled' && sp.sharingCapability !== 'existingExternalUserSharingOnly')
    add(
      'microsoft-365/sharepoint-external-sharing-too-broad',
      microsoftAssetKey.setting('sharepoint_settings'),
    );
  if (!spoRead) return;
  const spoKey = microsoftAssetKey.setting('sharepoint_tenant');
  if (sp.defaultSharingLinkType !== 1)
    add('microsoft-365/sharepoint-default-link-not-specific-people', spoKey);
  if (sp.defaultLinkPermission === 2) add('microsoft-365/sharepoint-default-link-permission-edit', spoKey);
  const days = sp.requireAnonymousLinksExpireInDays;
  if (sp.sharingCapability === 'externalUserAndGuestSharing' && !(days >= 1 && days <= 30))
    add('microsoft-365/sharepoint-anyone-link-expiry', spoKey);
}

function credentials(tenant: MicrosoftTenant, t: number, options: MicrosoftOracleOptions, add: Add): void {
  const expiring = t + (options.expiringDays ?? 30) * DAY;
  const lifetime = (c: { startDateTime: string; endDateTime: string }) =>
    (Date.parse(c.endDateTime) - Date.parse(c.startDateTime)) / DAY;
  for (const app of tenant.applications) {
    const sp = tenant.servicePrincipals.find((s) => s.appId === app.appId && !s.deleted);
    const privileged =
      sp !== undefined &&
      applicationScopes(tenant, sp).some((s) => isPrivilegedAppRole(s.slice('application:'.length)));
    // An expired credential can no longer sign in: only the expiry rule reports it.
    const live = (c: { endDateTime: string }) => Date.parse(c.endDateTime) > t;
    for (const secret of app.passwordCredentials) {
      const key = microsoftAssetKey.apiKey(app.id, secret.keyId);
      if (live(secret) && lifetime(secret) > (options.secretLifetimeDays ?? 180))
        add('microsoft-365/app-secret-lifetime-over-180-days', key);
      if (Date.parse(secret.endDateTime) <= expiring) add('microsoft-365/app-credential-expiring', key);
      if (live(secret) && privileged) add('microsoft-365/secret-on-privileged-app', key);
    }
    for (const cert of app.keyCredentials) {
      const key = microsoftAssetKey.apiKey(app.id, cert.keyId);
      if (live(cert) && lifetime(cert) > (options.certificateLifetimeDays ?? 365))
        add('microsoft-365/app-certificate-lifetime-over-365-days', key);
      if (Date.parse(cert.endDateTime) <= expiring) add('microsoft-365/app-credential-expiring', key);
    }
  }
}

function grants(tenant: MicrosoftTenant, ai: Set<string>, add: Add): void {
  const sps = new Map(tenant.servicePrincipals.filter((s) => !s.deleted).map((s) => [s.id, s]));
  const judge = (sp: ServicePrincipal, scopes: string[], tenantWide: boolean, key: string) => {
    const high = isHighRisk(scopes);
    if (high && isThirdParty(tenant, sp) && sp.verifiedPublisher.verifiedPublisherId === null)
      add('microsoft-365/unverified-app-high-risk-permissions', key);
    if (ai.has(sp.appId)) {
      add('common/shadow-ai-grant-unapproved', key);
      if (tenantWide) add('common/shadow-ai-tenant-wide-grant', key);
    }
  };
  for (const grant of tenant.grants) {
    const sp = sps.get(grant.clientId);
    if (!sp) continue;
    const key = microsoftAssetKey.grant(grant.id);
    const scopes = grant.scope.split(' ').filter(Boolean);
    const tenantWide = grant.consentType === 'AllPrincipals';
    judge(sp, scopes, tenantWide, key);
    if (tenantWide && isHighRisk(scopes)) add('microsoft-365/tenant-wide-grant-high-risk', key);
  }
  for (const assignment of tenant.assignments) {
    const sp = sps.get(assignment.principalId);
    const value = sps.get(assignment.resourceId)?.appRoles.find((r) => r.id === assignment.appRoleId)?.value;
    if (!sp || !value) continue;
    judge(sp, [`application:${value}`], true, microsoftAssetKey.grant(assignment.id));
  }
}

function files(tenant: MicrosoftTenant, dlp: (text: string, item: DriveItem) => boolean, add: Add): void {
  for (let i = 0; i < tenant.items.size; i += 1) {
    // Only inherited permissions (owners, site Owners/Members): private, nothing to report.
    if (tenant.items.isUnshared(i)) continue;
    const item = tenant.items.get(i);
    if (!item) continue;
    const { exposure, access } = itemExposure(tenant, item);
    if (exposure === 'private' || exposure === 'internal') continue;
    const drive = tenant.drives[item.drive];
    if (!drive) continue;
    const key = microsoftAssetKey.file(drive.id, item.id);
    const edit = access === 'edit';
    const level =
      exposure === 'anyone_with_link' ? 'public' : exposure === 'external' ? 'external' : 'domain';
    add(`common/file-${level}-${edit ? 'edit' : 'view'}` as MicrosoftOracleRuleId, key);
    if (!dlpReadable(item) || !item.content || !dlp(item.content, item)) continue;
    if (level === 'domain') add('common/dlp-file-org-wide', key);
    else add(`common/dlp-file-${level}-${edit ? 'edit' : 'view'}` as MicrosoftOracleRuleId, key);
  }
}
