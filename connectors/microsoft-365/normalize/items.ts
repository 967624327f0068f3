/**
 * Drive items → file assets. Exposure comes from the item's permissions (MODEL.md): anonymous
 * links reach anyone with the link, organization links the whole tenant, people outside the
 * tenant's domains (or `#EXT#` guests) are external, site groups and colleagues internal.
 */
import type { AssetInput, Exposure } from '../../../scanner/model.ts';

export interface DriveItem {
  id: string;
  name?: string | null;
  webUrl?: string | null;
  size?: number | null;
  lastModifiedDateTime?: string | null;
  file?: { mimeType?: string | null } | null;
  folder?: unknown;
  deleted?: unknown;
  shared?: { scope?: string | null } | null;
  parentReference?: { id?: string | null; driveId?: string | null } | null;
  '@microsoft.graph.sharedChanged'?: string;
}

interface Identity {
  email?: string | null;
  loginName?: string | null;
  displayName?: string | null;
}

export interface GraphPermission {
  id: string;
  roles?: string[] | null;
  link?: { scope?: string | null; type?: string | null } | null;
  grantedToV2?: {
    user?: Identity | null;
    group?: Identity | null;
    siteUser?: Identity | null;
    siteGroup?: Identity | null;
  } | null;
  grantedToIdentitiesV2?: Array<{
    user?: Identity | null;
    group?: Identity | null;
    siteUser?: Identity | null;
  }> | null;
  invitation?: { email?: string | null } | null;
  expirationDateTime?: string | null;
}

export interface DriveContext {
  driveId: string;
  siteId: string | null;
  siteName: string | null;
  /** The OneDrive's owner, or null for a document library. */
  owner: string | null;
  tenantDomains: Set<string>;
  observedAt: string;
}

const RANK: Record<Exposure, number> = {
  private: 0,
  internal: 1,
  domain: 2,
  external: 3,
  anyone_with_link: 4,
  public: 5,
};
const MAX_SHARES = 50;

function emailsOf(permission: GraphPermission): string[] {
  const found: Array<string | null | undefined> = [
    permission.grantedToV2?.user?.email,
    permission.grantedToV2?.siteUser?.loginName,
    permission.invitation?.email,
    ...(permission.grantedToIdentitiesV2 ?? []).flatMap((g) => [g.user?.email, g.siteUser?.loginName]),
  ];
  return found.filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase());
}

/** External: a guest account (`#ext#` in the login) or an address outside the tenant's domains. */
function externalDomain(address: string, tenantDomains: Set<string>): string | null {
  const login = address.split('|').pop() ?? address;
  const guest = /^(.+)_([^_#]+)#ext#@/i.exec(login);
  if (guest) return (guest[2] as string).toLowerCase();
  const domain = login.split('@')[1]?.toLowerCase();
  return domain && !tenantDomains.has(domain) ? domain : null;
}

export function exposureOfItem(permissions: GraphPermission[], tenantDomains: Set<string>) {
  let exposure: Exposure = 'private';
  let edit = false;
  let linkExpiresAt: string | null = null;
  let neverExpiringLink = false;
  let anonymousLinks = 0;
  const domains = new Set<string>();
  const externalShares: Array<{ email: string; domain: string; role: string }> = [];
  const raise = (level: Exposure, canEdit: boolean) => {
    if (RANK[level] > RANK[exposure]) {
      exposure = level;
      edit = canEdit;
    } else if (level === exposure) edit ||= canEdit;
  };
  for (const permission of permissions) {
    const roles = permission.roles ?? [];
    const canEdit = roles.includes('write') || roles.includes('owner') || permission.link?.type === 'edit';
    // Graph writes "no expiry" as 0001-01-01T00:00:00Z.
    const expiry =
      permission.expirationDateTime && !permission.expirationDateTime.startsWith('0001-')
        ? permission.expirationDateTime
        : null;
    const scope = permission.link?.scope;
    if (scope === 'anonymous') {
      anonymousLinks += 1;
      raise('anyone_with_link', canEdit);
      if (expiry === null) neverExpiringLink = true;
      else if (!linkExpiresAt || expiry < linkExpiresAt) linkExpiresAt = expiry;
      continue;
    }
    if (scope === 'organization') {
      raise('domain', canEdit);
      continue;
    }
    if (!permission.link && roles.includes('owner') && !permission.grantedToV2?.siteGroup) continue; // the owner
    if (permission.grantedToV2?.siteGroup || permission.grantedToV2?.group) {
      raise('internal', canEdit);
      continue;
    }
    const emails = emailsOf(permission);
    let outside = false;
    for (const email of emails) {
      const domain = externalDomain(email, tenantDomains);
      if (!domain) continue;
      outside = true;
      domains.add(domain);
      if (externalShares.length < MAX_SHARES)
        externalShares.push({ email, domain, role: canEdit ? 'write' : 'read' });
    }
    if (emails.length > 0) raise(outside ? 'external' : 'internal', canEdit);
  }
  return {
    exposure,
    exposureAccess: exposure === 'private' ? null : edit ? ('edit' as const) : ('view' as const),
    sharedWithDomains: [...domains].sort(),
    // One anonymous link that never expires is what counts: null then, else the earliest expiry.
    linkExpiresAt: neverExpiringLink ? null : linkExpiresAt,
    anonymousLinks,
    externalShares,
  };
}

export function itemExternalId(driveId: string, itemId: string): string {
  return `${driveId}:${itemId}`;
}

export function normalizeItem(
  item: DriveItem,
  permissions: GraphPermission[],
  context: DriveContext,
): AssetInput {
  const exposed = exposureOfItem(permissions, context.tenantDomains);
  const isFolder = Boolean(item.folder);
  return {
    provider: 'microsoft-365',
    kind: 'file',
    externalId: itemExternalId(context.driveId, item.id),
    name: item.name ?? item.id,
    url: item.webUrl ?? null,
    observedAt: context.observedAt,
    owner: context.owner,
    mimeType: isFolder ? 'folder' : (item.file?.mimeType ?? null),
    sizeBytes:
      typeof item.size === 'number' && Number.isSafeInteger(item.size) && item.size >= 0 ? item.size : null,
    exposure: exposed.exposure,
    exposureAccess: exposed.exposureAccess,
    sharedWithDomains: exposed.sharedWithDomains,
    linkExpiresAt: exposed.linkExpiresAt,
    modifiedAt: item.lastModifiedDateTime ?? null,
    attributes: {
      driveId: context.driveId,
      siteId: context.siteId,
      siteName: context.siteName,
      isFolder,
      anonymousLinks: exposed.anonymousLinks,
      externalShares: exposed.externalShares,
    },
  };
}
