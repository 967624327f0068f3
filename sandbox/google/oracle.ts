/**
 * Derives, straight from the tenant data, the findings the Google Workspace rules must produce
 * after a full scan — what is there, not what the generator meant to plant (the background
 * draws violations at random too). A test that mutates the tenant reads the new truth from here.
 *
 * It follows what a scanner can see: files of suspended users' My Drives are not scanned (a
 * suspended user cannot be impersonated), shared-drive files are scanned through an active
 * member (a drive without one is not), and trashed files are skipped. Exposure and access follow
 * connectors/google-workspace/MODEL.md; the rule conditions follow the rule files.
 */
import { CONSUMER_DOMAINS } from '../../rules/google-workspace/file-shared-to-personal-account.ts';
import { AI_APP_CLIENT_IDS } from './apps.ts';
import { type GoogleOracleRuleId, type GooglePlanted, googleAssetKey } from './asset-keys.ts';
import { plantedContentMatches } from './dlp-content.ts';
import { isGeminiLicense } from './licenses.ts';
import type { DriveFile, GooglePermission, GoogleTenant, GoogleUser, PermissionRole } from './types.ts';

const DAY = 86_400_000;

export interface GoogleOracleOptions {
  /** Days without a sign-in after which an account is inactive. Default 90. */
  staleDays?: number;
  /**
   * DLP verdict for a file's text (does a DLP profile match?). Default: `plantedContentMatches`,
   * which knows the planted shapes; tests can pass the real engine
   * (`(text) => createDlpScanner().scanText(text).status === 'matched'`).
   */
  dlp?: (content: string, file: DriveFile) => boolean;
  /**
   * Gemini use counts when it is this recent. Default 30: the connector's first pass reads 30
   * days of `gemini_in_workspace_apps` events (generated use is never older).
   */
  geminiWindowDays?: number;
  /** Client ids of AI apps (default: the ones the simulator grants). */
  aiClientIds?: readonly string[];
}

export type Exposure = 'public' | 'anyone_with_link' | 'external' | 'domain' | 'internal' | 'private';

export { CONSUMER_DOMAINS };

const EDIT_ROLES = new Set<PermissionRole>(['owner', 'organizer', 'fileOrganizer', 'writer']);
const ORDER: Exposure[] = ['public', 'anyone_with_link', 'external', 'domain', 'internal', 'private'];

const emailDomain = (email: string | undefined) => email?.split('@')[1]?.toLowerCase() ?? '';

/** The domain a user/group/domain permission names (lower case). */
const permissionDomain = (p: GooglePermission) =>
  p.type === 'domain' ? (p.domain ?? '').toLowerCase() : emailDomain(p.emailAddress);

/** Whether a permission reaches outside the tenant (a user/group on, or a domain that is, another domain). */
export function isExternalPermission(tenant: GoogleTenant, p: GooglePermission): boolean {
  const own = tenant.domain.toLowerCase();
  if (p.type === 'domain') return (p.domain ?? '').toLowerCase() !== own;
  if (p.type === 'user' || p.type === 'group') return emailDomain(p.emailAddress) !== own;
  return false;
}

/** A file's permissions as the scanner sees them: shared-drive items include the drive members. */
export function effectivePermissions(tenant: GoogleTenant, file: DriveFile): GooglePermission[] {
  if (file.drive < 0) return file.permissions;
  const members = tenant.drives[file.drive]?.members ?? [];
  const inherited = members.flatMap((m): GooglePermission[] => {
    const user = tenant.users[m.user];
    return user ? [{ id: user.id, type: 'user', role: m.role, emailAddress: user.primaryEmail }] : [];
  });
  return [...inherited, ...file.permissions];
}

/** Exposure and access per MODEL.md: the widest level wins; edit when any permission at it can edit. */
export function fileExposure(
  tenant: GoogleTenant,
  file: DriveFile,
): { exposure: Exposure; access: 'edit' | 'view' } {
  const levels = new Map<Exposure, boolean>();
  const note = (level: Exposure, role: PermissionRole) =>
    levels.set(level, (levels.get(level) ?? false) || EDIT_ROLES.has(role));
  const ownerEmail = file.drive < 0 ? tenant.users[file.owner]?.primaryEmail : undefined;
  for (const p of effectivePermissions(tenant, file)) {
    if (p.type === 'anyone') note(p.allowFileDiscovery ? 'public' : 'anyone_with_link', p.role);
    else if (isExternalPermission(tenant, p)) note('external', p.role);
    else if (p.type === 'domain') note('domain', p.role);
    else if (p.role === 'owner' && p.emailAddress === ownerEmail) note('private', p.role);
    else note('internal', p.role);
  }
  const exposure = ORDER.find((level) => levels.has(level)) ?? 'private';
  return { exposure, access: levels.get(exposure) ? 'edit' : 'view' };
}

/** Whether the scanner can read this file at all (see the header). */
export function scannable(tenant: GoogleTenant, file: DriveFile): boolean {
  if (file.trashed) return false;
  if (file.drive >= 0) {
    return (tenant.drives[file.drive]?.members ?? []).some((m) => {
      const user = tenant.users[m.user];
      return user !== undefined && !user.suspended;
    });
  }
  const owner = tenant.users[file.owner];
  return owner !== undefined && !owner.suspended;
}

const AUTH = 'https://www.googleapis.com/auth/';

/** `…/auth/drive.readonly` → `drive.readonly`; `https://mail.google.com/` → `mail.google.com`. */
function scopeName(scope: string): string {
  const s = scope.trim();
  if (s.startsWith(AUTH)) return s.slice(AUTH.length);
  return /^https:\/\/mail\.google\.com\/?$/.test(s) ? 'mail.google.com' : s;
}
const isDriveOrGmailScope = (scope: string) => {
  const name = scopeName(scope);
  return name === 'drive' || name === 'mail.google.com' || /^(drive|gmail)\../.test(name);
};
const isDocsCalendarScope = (scope: string) => {
  const name = scopeName(scope);
  return /^(documents|spreadsheets|presentations)(\.readonly)?$/.test(name) || /^calendar(\..+)?$/.test(name);
};
const SIGN_IN = new Set(['openid', 'email', 'profile', 'userinfo.email', 'userinfo.profile']);
const isSignInScope = (scope: string) => SIGN_IN.has(scopeName(scope));

/** The scope-class rule a grant falls under, if any (sorted as rules/google-apps.ts sorts scopes). */
export function grantScopeRule(scopes: readonly string[]): GoogleOracleRuleId | undefined {
  if (scopes.some(isDriveOrGmailScope)) return 'google-workspace/app-drive-or-gmail-access';
  if (scopes.some(isDocsCalendarScope)) return 'google-workspace/app-docs-calendar-access';
  if (scopes.length > 0 && scopes.every(isSignInScope)) return 'google-workspace/app-sign-in-only';
  return undefined;
}

/** Content the scanner can extract: Docs editors files (exported as text) and text blobs. */
const dlpReadable = (mimeType: string) =>
  mimeType.startsWith('application/vnd.google-apps.') || mimeType.startsWith('text/');

const isActive = (u: GoogleUser) => !u.suspended && !u.archived;

function inactive(user: GoogleUser, now: number, staleDays: number): boolean {
  const last = Date.parse(user.lastLoginTime);
  const limit = staleDays * DAY;
  if (last > 0) return now - last > limit;
  return now - Date.parse(user.creationTime) > limit;
}

export function findGoogleViolations(
  tenant: GoogleTenant,
  now: Date,
  options: GoogleOracleOptions = {},
): GooglePlanted[] {
  const t = now.getTime();
  const staleDays = options.staleDays ?? 90;
  const dlp = options.dlp ?? ((content: string) => plantedContentMatches(content));
  const ai = new Set(options.aiClientIds ?? AI_APP_CLIENT_IDS);
  const found: GooglePlanted[] = [];
  const add = (ruleId: GoogleOracleRuleId, assetKey: string) => found.push({ ruleId, assetKey });

  // Identities and the tenant-wide super admin count.
  for (const user of tenant.users) {
    if (!isActive(user)) continue;
    const key = googleAssetKey.identity(user.id);
    const admin = user.isAdmin || user.isDelegatedAdmin;
    if (!user.isEnrolledIn2Sv)
      add(admin ? 'google-workspace/admin-without-2sv' : 'google-workspace/user-without-2sv', key);
    if (inactive(user, t, staleDays))
      add(admin ? 'google-workspace/inactive-admin' : 'google-workspace/inactive-user', key);
  }
  // As the rule's aggregate counts them: super admins not suspended (archived ones included).
  const superAdmins = tenant.users.filter((u) => u.isAdmin && !u.suspended).length;
  if (superAdmins < 2 || superAdmins > 8)
    add('google-workspace/super-admin-count', googleAssetKey.superAdmins());

  // OAuth grants.
  for (const user of tenant.users) {
    for (const grant of tenant.grants.get(user.index) ?? []) {
      const key = googleAssetKey.grant(user.id, grant.clientId);
      if (user.suspended) add('google-workspace/suspended-user-holds-grants', key);
      const scopeRule = grantScopeRule(grant.scopes);
      if (scopeRule) add(scopeRule, key);
      if (ai.has(grant.clientId)) add('common/shadow-ai-grant-unapproved', key);
    }
  }

  // Files.
  for (let i = 0; i < tenant.files.size; i += 1) {
    const file = tenant.files.get(i);
    if (!file || !scannable(tenant, file)) continue;
    const { exposure, access } = fileExposure(tenant, file);
    if (exposure === 'private' || exposure === 'internal') continue;
    const key = googleAssetKey.file(file.id);
    const edit = access === 'edit';
    const isPublic = exposure === 'public' || exposure === 'anyone_with_link';
    if (isPublic) add(edit ? 'common/file-public-edit' : 'common/file-public-view', key);
    else if (exposure === 'external')
      add(edit ? 'common/file-external-edit' : 'common/file-external-view', key);
    else add(edit ? 'common/file-domain-edit' : 'common/file-domain-view', key);

    const external = file.permissions.filter((p) => isExternalPermission(tenant, p));
    if (external.some((p) => CONSUMER_DOMAINS.includes(permissionDomain(p)))) {
      add('google-workspace/file-shared-to-personal-account', key);
    }
    const people = external.filter((p) => p.type === 'user' || p.type === 'group');
    if (people.some((p) => !p.expirationTime))
      add('google-workspace/file-external-share-without-expiry', key);

    if (!dlpReadable(file.mimeType) || !dlp(file.content, file)) continue;
    if (isPublic) add(edit ? 'common/dlp-file-public-edit' : 'common/dlp-file-public-view', key);
    else if (exposure === 'external')
      add(edit ? 'common/dlp-file-external-edit' : 'common/dlp-file-external-view', key);
    else add('common/dlp-file-org-wide', key);
  }

  // Gemini users (use within the window).
  const since = t - (options.geminiWindowDays ?? 30) * DAY;
  const geminiUsers = new Set<number>();
  for (const activity of tenant.events.list('gemini_in_workspace_apps')) {
    if (activity.time >= since) geminiUsers.add(activity.actor);
  }
  for (const index of [...geminiUsers].sort((a, b) => a - b)) {
    const user = tenant.users[index];
    if (user && !user.suspended && !user.isEnrolledIn2Sv) {
      add('google-workspace/gemini-user-without-2sv', googleAssetKey.geminiUser(user.id));
    }
  }

  // Gemini licences: suspended holders, and active (not archived) holders without 2SV.
  for (const license of tenant.licenses) {
    const user = tenant.users[license.user];
    if (!user || !isGeminiLicense(license)) continue;
    const key = googleAssetKey.geminiLicense(user.id, license.productId);
    if (user.suspended) add('google-workspace/gemini-license-on-suspended-user', key);
    else if (!user.archived && !user.isEnrolledIn2Sv) {
      const admin = user.isAdmin || user.isDelegatedAdmin;
      add(
        admin
          ? 'google-workspace/gemini-licensed-admin-without-2sv'
          : 'google-workspace/gemini-licensed-user-without-2sv',
        key,
      );
    }
  }
  return found;
}
