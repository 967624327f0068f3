/**
 * SharePoint and OneDrive objects as Graph serialises them: sites (`{host},{collection},{web}`
 * ids), drives (`b!…` ids, a user or group owner), driveItems (file/folder facets, parentReference,
 * a `shared` facet with the widest direct link scope) and permissions — link scope/type with
 * `0001-01-01T00:00:00Z` for no expiry, grantedToV2/grantedToIdentitiesV2 with the deprecated
 * v1 fields beside them, invitations, and inherited owners and site groups. Link URLs and
 * shareIds appear only for callers that could create links (a write or full-control role).
 */
import { createHash } from 'node:crypto';
import type { AccessGrant } from './auth.ts';
import { guidFromName, rootIdOf } from './ids.ts';
import { permissionsOf, sharedScope } from './item-access.ts';
import type { Drive, DriveItem, DrivePermission, MicrosoftTenant, MsUser, Site } from './types.ts';

export const NO_EXPIRY = '0001-01-01T00:00:00Z';
const LINK_CREATORS = [
  'Files.ReadWrite.All',
  'Sites.ReadWrite.All',
  'Sites.Manage.All',
  'Sites.FullControl.All',
];

export const canCreateLinks = (grant: AccessGrant) => LINK_CREATORS.some((r) => grant.roles.has(r));

export function serializeSite(site: Site): Record<string, unknown> {
  return {
    id: site.id,
    name: site.name,
    displayName: site.displayName,
    webUrl: site.webUrl,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.lastModifiedDateTime ?? site.createdDateTime,
    isPersonalSite: site.personal,
    siteCollection: { hostname: site.id.split(',')[0] },
  };
}

function userRef(user: MsUser) {
  return { id: user.id, displayName: user.displayName, email: user.mail };
}

function siteUser(user: MsUser, n: number) {
  return {
    id: String(n),
    displayName: user.displayName,
    email: user.mail,
    loginName: `i:0#.f|membership|${user.userPrincipalName.toLowerCase()}`,
  };
}

export function driveWebUrl(tenant: MicrosoftTenant, drive: Drive): string {
  const site = tenant.sites[drive.site];
  return `${site?.webUrl ?? ''}/${drive.driveType === 'business' ? 'Documents' : 'Shared%20Documents'}`;
}

export function serializeDrive(tenant: MicrosoftTenant, drive: Drive): Record<string, unknown> {
  const owner = tenant.users[drive.owner];
  const site = tenant.sites[drive.site];
  return {
    id: drive.id,
    name: drive.name,
    description: '',
    driveType: drive.driveType,
    createdDateTime: drive.createdDateTime,
    lastModifiedDateTime: drive.createdDateTime,
    webUrl: driveWebUrl(tenant, drive),
    owner: owner
      ? { user: userRef(owner) }
      : {
          group: {
            id: guidFromName(`group:${site?.id ?? drive.id}`),
            displayName: site?.displayName ?? drive.name,
            email: `${site?.name ?? 'site'}@${tenant.domain}`,
          },
        },
    quota: { deleted: 0, remaining: 1_099_511_627_776, state: 'normal', total: 1_099_511_627_776, used: 0 },
  };
}

const tag = (item: { id: string; lastModifiedDateTime: string }, prefix = '') =>
  `"${prefix}{${guidFromName(item.id).toUpperCase()}},${1 + (Math.floor(Date.parse(item.lastModifiedDateTime) / 1000) % 97)}"`;

export function itemWebUrl(tenant: MicrosoftTenant, item: DriveItem): string {
  const drive = tenant.drives[item.drive];
  const base = drive ? driveWebUrl(tenant, drive) : '';
  const parent = item.parent >= 0 ? tenant.items.get(item.parent) : undefined;
  const path = parent ? `${parent.name}/${item.name}` : item.name;
  return `${base}/${encodeURI(path)}`;
}

/** Children of a folder (or the root), deleted ones excluded. */
function childCount(tenant: MicrosoftTenant, folder: DriveItem | undefined, drive: Drive): number {
  return tenant.items.childrenOf(drive.index, folder ? folder.index : -1).filter((i) => tenant.items.get(i))
    .length;
}

export function serializeRoot(tenant: MicrosoftTenant, drive: Drive): Record<string, unknown> {
  return {
    id: rootIdOf(drive.index),
    name: 'root',
    createdDateTime: drive.createdDateTime,
    lastModifiedDateTime: drive.createdDateTime,
    size: 0,
    webUrl: driveWebUrl(tenant, drive),
    parentReference: { driveType: drive.driveType, driveId: drive.id },
    fileSystemInfo: { createdDateTime: drive.createdDateTime, lastModifiedDateTime: drive.createdDateTime },
    folder: { childCount: childCount(tenant, undefined, drive) },
    root: {},
  };
}

export function serializeItem(
  tenant: MicrosoftTenant,
  item: DriveItem,
  options: { inDelta?: boolean; childCounts?: boolean } = {},
): Record<string, unknown> {
  const drive = tenant.drives[item.drive] as Drive;
  const owner = tenant.users[drive.owner];
  const parentId =
    item.parent >= 0 ? (tenant.items.get(item.parent)?.id ?? rootIdOf(drive.index)) : rootIdOf(drive.index);
  const body: Record<string, unknown> = {
    id: item.id,
    name: item.name,
    eTag: tag(item),
    cTag: tag(item, 'c:'),
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    size: item.size,
    webUrl: itemWebUrl(tenant, item),
    createdBy: owner
      ? { user: { email: owner.mail, id: owner.id, displayName: owner.displayName } }
      : { user: { displayName: 'System Account' } },
    lastModifiedBy: owner
      ? { user: { email: owner.mail, id: owner.id, displayName: owner.displayName } }
      : { user: { displayName: 'System Account' } },
    parentReference: {
      driveType: drive.driveType,
      driveId: drive.id,
      id: parentId,
      siteId: tenant.sites[drive.site]?.id,
      ...(options.inDelta ? {} : { path: `/drives/${drive.id}/root:` }),
    },
    fileSystemInfo: {
      createdDateTime: item.createdDateTime,
      lastModifiedDateTime: item.lastModifiedDateTime,
    },
  };
  if (item.folder)
    body.folder = { childCount: options.childCounts === false ? 0 : childCount(tenant, item, drive) };
  else {
    body.file = {
      mimeType: item.mimeType,
      hashes: {
        quickXorHash: createHash('sha1')
          .update(item.content || item.id)
          .digest('base64'),
      },
    };
  }
  // ODfB's delta omits cTag on created and modified items.
  if (options.inDelta && drive.driveType === 'business') delete body.cTag;
  const scope = sharedScope(item);
  if (scope) body.shared = { scope };
  return body;
}

/** The stub delta returns for a deleted item (ODfB omits name and cTag). */
export function deletedStub(
  tenant: MicrosoftTenant,
  item: { id: string; drive: number },
): Record<string, unknown> {
  const drive = tenant.drives[item.drive] as Drive;
  return {
    id: item.id,
    parentReference: { driveType: drive.driveType, driveId: drive.id },
    deleted: { state: 'deleted' },
  };
}

function linkWebUrl(tenant: MicrosoftTenant, item: DriveItem, p: DrivePermission): string {
  const drive = tenant.drives[item.drive] as Drive;
  const site = tenant.sites[drive.site] as Site;
  const letter = item.folder
    ? 'f'
    : item.name.endsWith('.docx')
      ? 'w'
      : item.name.endsWith('.xlsx')
        ? 'x'
        : 'u';
  const token = `E${createHash('sha256').update(`${item.id}/${p.id}`).digest('base64url').slice(0, 45)}`;
  const host = site.webUrl.split('/').slice(0, 3).join('/');
  const where = site.personal ? `g/personal/${site.name}` : `s/${site.name}`;
  return `${host}/:${letter}:/${where}/${token}`;
}

export function serializePermission(
  tenant: MicrosoftTenant,
  item: DriveItem,
  p: DrivePermission,
  revealLinks: boolean,
): Record<string, unknown> {
  const drive = tenant.drives[item.drive] as Drive;
  const body: Record<string, unknown> = { id: p.id, roles: [...p.roles] };
  if (p.inherited) {
    const folder = p.inheritedFrom === undefined ? undefined : tenant.items.get(p.inheritedFrom);
    body.inheritedFrom = folder
      ? { driveId: drive.id, id: folder.id, path: `/drive/root:/${folder.name}` }
      : { driveId: drive.id, id: rootIdOf(drive.index), path: '/drive/root:' };
  }
  const user = p.user === undefined ? undefined : tenant.users[p.user];
  const recipient = user
    ? { user: userRef(user), siteUser: siteUser(user, 10 + user.index) }
    : p.email
      ? {
          user: { displayName: p.email, email: p.email },
          siteUser: {
            displayName: p.email,
            email: p.email,
            loginName: `i:0#.f|membership|urn%3aspo%3aguest#${p.email.toLowerCase()}`,
          },
        }
      : undefined;
  if (p.link) {
    const url = linkWebUrl(tenant, item, p);
    body.link = {
      scope: p.link.scope,
      type: p.link.type,
      preventsDownload: false,
      ...(revealLinks ? { webUrl: url } : {}),
    };
    body.hasPassword = false;
    body.expirationDateTime = p.expirationDateTime ?? NO_EXPIRY;
    if (revealLinks) body.shareId = `u!${Buffer.from(url).toString('base64url')}`;
    if (recipient) {
      body.grantedToIdentitiesV2 = [recipient];
      body.grantedToIdentities = [{ user: recipient.user }];
      body['@deprecated.GrantedToIdentities'] =
        'GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2';
    }
    return body;
  }
  if (p.siteGroup) {
    body.grantedToV2 = {
      siteGroup: {
        id: p.siteGroup.id,
        displayName: p.siteGroup.displayName,
        loginName: p.siteGroup.displayName,
      },
    };
    body.grantedTo = { user: { displayName: p.siteGroup.displayName } };
    body['@deprecated.GrantedTo'] = 'GrantedTo has been deprecated. Refer to GrantedToV2';
    return body;
  }
  if (!user && p.email) {
    body.invitation = { email: p.email, signInRequired: true };
    body.grantedToV2 = { siteUser: recipient?.siteUser };
    return body;
  }
  if (recipient) {
    body.grantedToV2 = recipient;
    body.grantedTo = { user: recipient.user };
    body['@deprecated.GrantedTo'] = 'GrantedTo has been deprecated. Refer to GrantedToV2';
  }
  return body;
}

export function serializePermissions(
  tenant: MicrosoftTenant,
  item: DriveItem,
  grant: AccessGrant,
): unknown[] {
  const reveal = canCreateLinks(grant);
  return permissionsOf(tenant, item).map((p) => serializePermission(tenant, item, p, reveal));
}
