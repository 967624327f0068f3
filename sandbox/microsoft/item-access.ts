/**
 * Who can reach a drive item: its inherited permissions (a OneDrive's owner, a team site's
 * Owners and Members groups, the links and grants of the folders it sits in) plus its own, and the exposure MODEL.md derives from them —
 * anonymous link → anyone_with_link, organization link → domain, a person outside the tenant's
 * domains (or a #EXT# guest) → external, other people → internal, owners only → private; the
 * widest level wins and `edit` when any permission at that level can write.
 */
import type { Drive, DriveItem, DrivePermission, MicrosoftTenant } from './types.ts';

export type Exposure = 'anyone_with_link' | 'external' | 'domain' | 'internal' | 'private';
const ORDER: Exposure[] = ['anyone_with_link', 'external', 'domain', 'internal', 'private'];

/** Permission id of a team site group (SharePoint numbers them per site: Owners 3, Members 5). */
const SITE_GROUPS = [
  { id: '3', kind: 'owners', suffix: 'Owners', role: 'owner' },
  { id: '5', kind: 'members', suffix: 'Members', role: 'write' },
] as const;

export function inheritedPermissions(tenant: MicrosoftTenant, drive: Drive): DrivePermission[] {
  if (drive.driveType === 'business') {
    const owner = tenant.users[drive.owner];
    if (!owner) return [];
    const id = Buffer.from(`i:0#.f|membership|${owner.userPrincipalName.toLowerCase()}`).toString(
      'base64url',
    );
    return [{ id, roles: ['owner'], user: owner.index, inherited: true }];
  }
  const site = tenant.sites[drive.site];
  return SITE_GROUPS.map((g) => ({
    id: g.id,
    roles: [g.role],
    siteGroup: { id: g.id, displayName: `${site?.displayName ?? 'Site'} ${g.suffix}`, kind: g.kind },
    inherited: true,
  }));
}

/**
 * Everything that grants access to an item: the drive's inherited permissions, those of its
 * folders (a link on a folder reaches every item inside it; SharePoint lists it on each of them
 * with `inheritedFrom`), then its own.
 */
export function permissionsOf(tenant: MicrosoftTenant, item: DriveItem): DrivePermission[] {
  const drive = tenant.drives[item.drive];
  const fromFolders: DrivePermission[] = [];
  const seen = new Set<number>();
  for (let parent = item.parent; parent >= 0 && !seen.has(parent); ) {
    seen.add(parent);
    const folder = tenant.items.get(parent);
    if (!folder) break;
    for (const p of folder.permissions) {
      if (!p.inherited) fromFolders.push({ ...p, inherited: true, inheritedFrom: folder.index });
    }
    parent = folder.parent;
  }
  return [...(drive ? inheritedPermissions(tenant, drive) : []), ...fromFolders, ...item.permissions];
}

const domainOf = (email: string) => email.split('@')[1]?.toLowerCase() ?? '';

export function tenantDomains(tenant: MicrosoftTenant): Set<string> {
  return new Set([tenant.domain, tenant.initialDomain].map((d) => d.toLowerCase()));
}

/** The outside domain a permission reaches, or null when it stays inside the tenant. */
export function externalDomainOf(
  tenant: MicrosoftTenant,
  p: DrivePermission,
  own: Set<string>,
): string | null {
  if (p.user !== undefined) {
    const user = tenant.users[p.user];
    if (!user) return null;
    if (user.userType === 'Guest' || /#EXT#@/i.test(user.userPrincipalName)) return domainOf(user.mail);
    return own.has(domainOf(user.mail)) ? null : domainOf(user.mail);
  }
  if (p.email !== undefined) return own.has(domainOf(p.email)) ? null : domainOf(p.email);
  return null;
}

export interface ItemExposure {
  exposure: Exposure;
  access: 'edit' | 'view';
  /** Outside domains the item is shared with (sorted). */
  sharedWithDomains: string[];
}

const canWrite = (p: DrivePermission) =>
  p.roles.includes('write') || p.roles.includes('owner') || p.link?.type === 'edit';

export function itemExposure(tenant: MicrosoftTenant, item: DriveItem): ItemExposure {
  const own = tenantDomains(tenant);
  const drive = tenant.drives[item.drive];
  const levels = new Map<Exposure, boolean>();
  const domains = new Set<string>();
  const note = (level: Exposure, p: DrivePermission) =>
    levels.set(level, (levels.get(level) ?? false) || canWrite(p));
  for (const p of permissionsOf(tenant, item)) {
    if (p.link?.scope === 'anonymous') note('anyone_with_link', p);
    else if (p.link?.scope === 'organization') note('domain', p);
    else if (p.siteGroup) note(p.siteGroup.kind === 'visitors' ? 'internal' : 'private', p);
    else if (p.user !== undefined || p.email !== undefined) {
      const external = externalDomainOf(tenant, p, own);
      if (external !== null) {
        domains.add(external);
        note('external', p);
      } else if (p.user !== undefined && p.user === drive?.owner && p.roles.includes('owner'))
        note('private', p);
      else note('internal', p);
    }
  }
  const exposure = ORDER.find((level) => levels.has(level)) ?? 'private';
  return { exposure, access: levels.get(exposure) ? 'edit' : 'view', sharedWithDomains: [...domains].sort() };
}

/** The widest link scope among an item's direct permissions (Graph's `shared.scope`), if any. */
export function sharedScope(item: DriveItem): 'anonymous' | 'organization' | 'users' | undefined {
  const direct = item.permissions.filter((p) => !p.inherited);
  if (direct.some((p) => p.link?.scope === 'anonymous')) return 'anonymous';
  if (direct.some((p) => p.link?.scope === 'organization')) return 'organization';
  return direct.length > 0 ? 'users' : undefined;
}
