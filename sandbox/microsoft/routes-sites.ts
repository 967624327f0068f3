/**
 * SharePoint and OneDrive through Graph: `/sites/getAllSites` (application permissions only, every
 * site including OneDrives), `/sites?search=` (plain `/sites` is an empty list), a site and its
 * drives, a drive, its root and `root/delta`, items, their permissions, and `content` — a 302 to a
 * pre-authenticated download URL on this host (or the bytes, when redirects are switched off).
 */
import { randomBytes } from 'node:crypto';
import { driveDelta } from './drive-delta.ts';
import {
  serializeDrive,
  serializeItem,
  serializePermissions,
  serializeRoot,
  serializeSite,
} from './drive-view.ts';
import { parseItemId } from './ids.ts';
import { fileBytes } from './ooxml.ts';
import { type GraphCall, type GraphRoute, PERMISSIONS } from './route-types.ts';
import type { Drive, DriveItem, Site } from './types.ts';
import {
  collection,
  type GraphReply,
  graphError,
  offsetPage,
  option,
  pageSize,
  pick,
  selectFields,
} from './wire.ts';

const SITE_FIELDS = [
  'id',
  'name',
  'displayName',
  'webUrl',
  'createdDateTime',
  'lastModifiedDateTime',
  'isPersonalSite',
  'siteCollection',
];
const itemNotFound = () => graphError(404, 'itemNotFound', 'The resource could not be found.');
const DOWNLOAD_LIFETIME_MS = 3_600_000;

function siteOf(call: GraphCall): Site | GraphReply {
  const site = call.tenant.sites.find((s) => s.id.toLowerCase() === call.params.siteId?.toLowerCase());
  return site ?? itemNotFound();
}

function driveOf(call: GraphCall): Drive | GraphReply {
  const drive = call.tenant.drives.find((d) => d.id === call.params.driveId);
  return drive ?? itemNotFound();
}

/** The item `itemId` names in `drive` (its root included, as `undefined` item). */
function itemOf(call: GraphCall, drive: Drive): { item?: DriveItem } | GraphReply {
  const parsed = parseItemId(call.params.itemId ?? '');
  if (parsed && 'root' in parsed && parsed.root === drive.index) return {};
  if (call.params.itemId === 'root') return {};
  if (!parsed || !('item' in parsed)) return itemNotFound();
  const item = call.tenant.items.get(parsed.item);
  return item && item.drive === drive.index ? { item } : itemNotFound();
}

function listSites(call: GraphCall, sites: Site[]): GraphReply {
  const fields = selectFields(call.query, SITE_FIELDS, SITE_FIELDS, 'microsoft.graph.site');
  if (!Array.isArray(fields)) return fields;
  const size = pageSize(call.query, { fallback: 200, max: 999, reject: false });
  if (typeof size !== 'number') return size;
  const page = offsetPage(call.origin, call.path, call.query, sites, size);
  if ('status' in page) return page;
  return {
    status: 200,
    body: collection(
      call.origin,
      'sites',
      page.page.map((s) => pick(serializeSite(s), fields)),
      page.nextLink ? { '@odata.nextLink': page.nextLink } : {},
    ),
  };
}

const drivesOfSite = (call: GraphCall, site: Site) => call.tenant.drives.filter((d) => d.site === site.index);

export const siteRoutes: GraphRoute[] = [
  {
    method: 'GET',
    template: '/v1.0/sites',
    permissions: PERMISSIONS.sites,
    denied: 'files',
    handle(call) {
      const search = option(call.query, 'search') ?? call.query.get('search');
      if (search === null) return listSites(call, []);
      const term = search.replace(/^"|"$/g, '').toLowerCase();
      const sites = call.tenant.sites.filter(
        (s) =>
          term === '*' || s.displayName.toLowerCase().includes(term) || s.name.toLowerCase().includes(term),
      );
      return listSites(call, sites);
    },
  },
  {
    method: 'GET',
    template: '/v1.0/sites/getAllSites',
    permissions: PERMISSIONS.sites,
    denied: 'files',
    handle: (call) => listSites(call, call.tenant.sites),
  },
  {
    method: 'GET',
    template: '/v1.0/sites/getAllSites()',
    permissions: PERMISSIONS.sites,
    denied: 'files',
    handle: (call) => listSites(call, call.tenant.sites),
  },
  {
    method: 'GET',
    template: '/v1.0/sites/{siteId}',
    permissions: PERMISSIONS.sites,
    denied: 'files',
    handle(call) {
      const site = siteOf(call);
      if ('status' in site) return site;
      return {
        status: 200,
        body: { '@odata.context': `${call.origin}/v1.0/$metadata#sites/$entity`, ...serializeSite(site) },
      };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/sites/{siteId}/drives',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const site = siteOf(call);
      if ('status' in site) return site;
      const drives = drivesOfSite(call, site).map((d) => serializeDrive(call.tenant, d));
      return { status: 200, body: collection(call.origin, 'drives', drives) };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/sites/{siteId}/drive',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const site = siteOf(call);
      if ('status' in site) return site;
      const drive = drivesOfSite(call, site)[0];
      return drive ? { status: 200, body: serializeDrive(call.tenant, drive) } : itemNotFound();
    },
  },
  {
    method: 'GET',
    template: '/v1.0/users/{userId}/drive',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const key = call.params.userId?.toLowerCase();
      const user = call.tenant.users.find(
        (u) => !u.deleted && (u.id === key || u.userPrincipalName.toLowerCase() === key),
      );
      const drive = user && call.tenant.drives.find((d) => d.owner === user.index);
      return drive ? { status: 200, body: serializeDrive(call.tenant, drive) } : itemNotFound();
    },
  },
  {
    method: 'GET',
    template: '/v1.0/drives/{driveId}',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const drive = driveOf(call);
      return 'status' in drive ? drive : { status: 200, body: serializeDrive(call.tenant, drive) };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/drives/{driveId}/root',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const drive = driveOf(call);
      return 'status' in drive ? drive : { status: 200, body: serializeRoot(call.tenant, drive) };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/drives/{driveId}/root/delta',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const drive = driveOf(call);
      return 'status' in drive ? drive : driveDelta(call, drive);
    },
  },
  {
    method: 'GET',
    template: '/v1.0/drives/{driveId}/root/delta()',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const drive = driveOf(call);
      return 'status' in drive ? drive : driveDelta(call, drive);
    },
  },
  {
    method: 'GET',
    template: '/v1.0/drives/{driveId}/items/{itemId}',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const drive = driveOf(call);
      if ('status' in drive) return drive;
      const found = itemOf(call, drive);
      if ('status' in found) return found;
      return {
        status: 200,
        body: found.item ? serializeItem(call.tenant, found.item) : serializeRoot(call.tenant, drive),
      };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/drives/{driveId}/items/{itemId}/permissions',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const drive = driveOf(call);
      if ('status' in drive) return drive;
      const found = itemOf(call, drive);
      if ('status' in found) return found;
      const value = found.item ? serializePermissions(call.tenant, found.item, call.grant) : [];
      return {
        status: 200,
        body: collection(
          call.origin,
          `drives('${drive.id}')/items('${call.params.itemId}')/permissions`,
          value,
        ),
      };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/drives/{driveId}/items/{itemId}/content',
    permissions: PERMISSIONS.files,
    denied: 'files',
    handle(call) {
      const drive = driveOf(call);
      if ('status' in drive) return drive;
      const found = itemOf(call, drive);
      if ('status' in found) return found;
      const item = found.item;
      if (!item || item.folder)
        return graphError(400, 'invalidRequest', 'The item is a folder and has no content.');
      if (!call.server.settings.contentRedirect) {
        return {
          status: 200,
          raw: {
            contentType: item.mimeType ?? 'application/octet-stream',
            data: fileBytes(item.mimeType, item.content),
          },
        };
      }
      const tempauth = randomBytes(24).toString('base64url');
      call.server.downloads.set(tempauth, { item: item.index, expiresAt: Date.now() + DOWNLOAD_LIFETIME_MS });
      return { status: 302, headers: { location: downloadUrl(call.origin, item, tempauth) } };
    },
  },
];

export function downloadUrl(origin: string, item: DriveItem, tempauth: string): string {
  return `${origin}/_layouts/15/download.aspx?UniqueId=${item.id}&Translate=false&tempauth=${tempauth}&ApiVersion=2.0`;
}

/** `GET /_layouts/15/download.aspx?…&tempauth=…`: the bytes, no bearer needed (the URL is the credential). */
export function serveDownload(
  tenant: GraphCall['tenant'],
  downloads: GraphCall['server']['downloads'],
  query: URLSearchParams,
): GraphReply {
  const grant = downloads.get(query.get('tempauth') ?? '');
  if (!grant || grant.expiresAt <= Date.now()) {
    return { status: 401, raw: { contentType: 'text/plain', data: '401 UNAUTHORIZED' } };
  }
  const item = tenant.items.get(grant.item);
  if (!item) return { status: 404, raw: { contentType: 'text/plain', data: '404 FILE NOT FOUND' } };
  return {
    status: 200,
    raw: {
      contentType: item.mimeType ?? 'application/octet-stream',
      data: fileBytes(item.mimeType, item.content),
    },
    headers: { 'content-disposition': `attachment; filename="${encodeURIComponent(item.name)}"` },
  };
}
