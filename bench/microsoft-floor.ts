/**
 * The call floor of a Microsoft 365 scan: the fewest Graph calls any client needs to read what
 * the connector reads (connectors/microsoft-365/MODEL.md and streams/) from this tenant, a
 * `$batch` of up to 20 steps counting as one call. Keyed like the simulator's request counter
 * (`METHOD template`); the identity platform (token, discovery) is left out and reported apart.
 *
 * Pages are the largest each Graph endpoint serves: `root/delta` 1,000, `getAllSites` 999,
 * directory lists 999 (users with `signInActivity` 500), `servicePrincipals/delta` 999 through
 * `Prefer: odata.maxpagesize`.
 *
 * Permissions are read per delta page: ceil(items on the page needing them / 20) `$batch`es,
 * where an item needs them when it has a `shared` facet (direct permissions), its sharing
 * changed (`@microsoft.graph.sharedChanged`, rescans), or it sits in a folder that needs them.
 * The two probes (`users?$top=1` with signInActivity, the registration report `$top=1`) are not
 * in the floor: the full reads tell the same.
 *
 * Runs in the simulator's process, where the tenant lives.
 */

import { serializeSite } from '../sandbox/microsoft/drive-view.ts';
import {
  EXCHANGE_APP_ID,
  GRAPH_APP_ID,
  type MicrosoftTenant,
  SHAREPOINT_APP_ID,
} from '../sandbox/microsoft/index.ts';
import { EXPAND_MEMBER_CAP } from '../sandbox/microsoft/routes-directory.ts';

const BATCH = 20;
const pages = (items: number, perPage: number) => Math.max(1, Math.ceil(items / perPage));

const PAGE = { delta: 1000, sites: 999, spDelta: 999 } as const;

/** Where the previous pass left the tenant: the drive log's length and what getAllSites said. */
export interface ScanMark {
  driveLog: number;
  directoryLog: number;
  /** site id → lastModifiedDateTime as served. */
  sites: Record<string, string>;
}

export function markTenant(tenant: MicrosoftTenant): ScanMark {
  return {
    driveLog: tenant.driveLog.length,
    directoryLog: tenant.directoryLog.length,
    sites: Object.fromEntries(tenant.sites.map((s) => [s.id, String(serializeSite(s).lastModifiedDateTime)])),
  };
}

/** Reads every scan makes in full: directory, apps, grants, settings, the site list. */
function fixedReads(tenant: MicrosoftTenant, servicePrincipalDeltaItems: number) {
  const users = tenant.users.filter((u) => !u.deleted);
  const sps = tenant.servicePrincipals.filter((s) => !s.deleted);
  const activated = tenant.roles.filter(
    (r, i) => i === 0 || r.members.some((m) => !tenant.users[m]?.deleted),
  );
  const bigRoles = activated.filter(
    (r) => r.members.filter((m) => !tenant.users[m]?.deleted).length >= EXPAND_MEMBER_CAP,
  );
  const apis = sps.filter((s) => [GRAPH_APP_ID, EXCHANGE_APP_ID, SHAREPOINT_APP_ID].includes(s.appId));
  let assignedTo = 0;
  for (const api of apis)
    assignedTo += pages(tenant.assignments.filter((a) => a.resourceId === api.id).length, 999);
  return {
    'GET /v1.0/organization': 1,
    // signInActivity caps the page at 500 (a premium tenant; 999 without).
    'GET /v1.0/users': pages(users.length, tenant.premium ? 500 : 999),
    'GET /v1.0/reports/authenticationMethods/userRegistrationDetails': tenant.premium
      ? pages(users.length, 999)
      : 0,
    'GET /v1.0/directoryRoles': 1,
    // $expand=members stops at 20: a role showing 20 may have more, so it is listed on its own.
    'GET /v1.0/directoryRoles/{id}/members': bigRoles.length,
    'GET /v1.0/oauth2PermissionGrants': pages(tenant.grants.length, 999),
    'GET /v1.0/servicePrincipals': pages(sps.length, 999),
    'GET /v1.0/servicePrincipals/delta': pages(servicePrincipalDeltaItems, PAGE.spDelta),
    'GET /v1.0/servicePrincipals/{id}': apis.length,
    'GET /v1.0/servicePrincipals/{id}/appRoleAssignedTo': assignedTo,
    'GET /v1.0/applications': pages(tenant.applications.length, 999),
    'GET /v1.0/policies/authorizationPolicy': 1,
    'GET /v1.0/policies/adminConsentRequestPolicy': 1,
    'GET /v1.0/admin/sharepoint/settings': 1,
    'GET /_api/SPO.Tenant': 1,
    'GET /v1.0/sites/getAllSites': pages(tenant.sites.length, PAGE.sites),
  };
}

/** Folders of a drive whose items need their permissions read (shared, or inside one that is). */
function sharedFoldersOf(tenant: MicrosoftTenant, drive: number): Set<number> {
  const shared = new Set<number>();
  const { start, end } = tenant.items.driveRange(drive);
  const slots: number[] = [];
  for (let i = start; i < end; i += 1) slots.push(i);
  for (const i of tenant.items.addedIndices()) if (tenant.items.driveOf(i) === drive) slots.push(i);
  for (const i of slots) {
    if (tenant.items.isUnshared(i)) continue;
    const item = tenant.items.get(i);
    if (!item?.folder) continue;
    if (item.permissions.length > 0 || shared.has(item.parent)) shared.add(i);
  }
  return shared;
}

/** Whether the connector reads an item's permissions (see the module comment). */
function needsPermissions(
  tenant: MicrosoftTenant,
  slot: number,
  shared: Set<number>,
  sharingChanged: boolean,
) {
  if (sharingChanged) return true;
  if (tenant.items.isUnshared(slot)) return false;
  const item = tenant.items.get(slot);
  if (!item) return false;
  return item.permissions.length > 0 || shared.has(item.parent);
}

/** `root/delta` pages and `$batch`es for one drive's enumeration. */
function enumerateDrive(tenant: MicrosoftTenant, drive: number, perPage: number) {
  const { start, end } = tenant.items.driveRange(drive);
  const slots: number[] = [-1];
  for (let i = start; i < end; i += 1) slots.push(i);
  for (const i of tenant.items.addedIndices()) if (tenant.items.driveOf(i) === drive) slots.push(i);
  const shared = sharedFoldersOf(tenant, drive);
  let batches = 0;
  let needs = 0;
  for (let p = 0; p < slots.length; p += perPage) {
    let onPage = 0;
    for (const slot of slots.slice(p, p + perPage))
      if (slot >= 0 && needsPermissions(tenant, slot, shared, false)) onPage += 1;
    batches += Math.ceil(onPage / BATCH);
    needs += onPage;
  }
  return { pages: pages(slots.length, perPage), batches, needs };
}

export interface Floor {
  byEndpoint: Record<string, number>;
  /** Items whose permissions a client must read (one `$batch` step each). */
  permissionReads: number;
  /** Sites (and so drives) a client must read. */
  sitesRead: number;
}

/** A first pass: every site's drives, every drive enumerated. */
export function fullScanFloor(tenant: MicrosoftTenant): Floor {
  const perPage = PAGE.delta;
  let delta = 0;
  let batches = 0;
  let needs = 0;
  for (const drive of tenant.drives) {
    const d = enumerateDrive(tenant, drive.index, perPage);
    delta += d.pages;
    batches += d.batches;
    needs += d.needs;
  }
  const live = tenant.servicePrincipals.filter((s) => !s.deleted).length;
  return {
    byEndpoint: {
      ...fixedReads(tenant, live),
      'GET /v1.0/sites/{siteId}/drives': tenant.sites.length,
      'GET /v1.0/drives/{driveId}/root/delta': delta,
      'POST /v1.0/$batch': batches,
    },
    permissionReads: needs,
    sitesRead: tenant.sites.length,
  };
}

/**
 * A delta pass after `mark`: the full reads again, the service principals changed since, and
 * for each site whose lastModifiedDateTime moved its drives through their delta links (each item
 * changed since, once; sharing changes flagged, so a re-shared folder comes alone). A site's
 * drives are listed only when the previous pass did not see the site (a client keeps the drives
 * of known sites, as the connector does between sweeps).
 */
export function rescanFloor(tenant: MicrosoftTenant, mark: ScanMark): Floor {
  const perPage = PAGE.delta;
  const spChanges = new Set<number>();
  for (const e of tenant.directoryLog.slice(mark.directoryLog))
    if (e.kind === 'servicePrincipal') spChanges.add(e.index);
  const changes = new Map<number, Map<number, boolean>>();
  for (const e of tenant.driveLog.slice(mark.driveLog)) {
    let drive = changes.get(e.drive);
    if (!drive) {
      drive = new Map();
      changes.set(e.drive, drive);
    }
    const sharing = (drive.get(e.item) ?? false) || e.sharing;
    drive.delete(e.item); // ordered by last change
    drive.set(e.item, sharing);
  }
  let sitesRead = 0;
  let driveLists = 0;
  let delta = 0;
  let batches = 0;
  let needs = 0;
  for (const site of tenant.sites) {
    if (mark.sites[site.id] === String(serializeSite(site).lastModifiedDateTime)) continue;
    sitesRead += 1;
    if (mark.sites[site.id] === undefined) driveLists += 1;
    for (const drive of tenant.drives.filter((d) => d.site === site.index)) {
      const changed = [...(changes.get(drive.index) ?? new Map<number, boolean>())];
      const shared = changed.length > 0 ? sharedFoldersOf(tenant, drive.index) : new Set<number>();
      delta += pages(changed.length, perPage);
      for (let p = 0; p < changed.length; p += perPage) {
        let onPage = 0;
        for (const [slot, sharing] of changed.slice(p, p + perPage))
          if (tenant.items.get(slot) && needsPermissions(tenant, slot, shared, sharing)) onPage += 1;
        batches += Math.ceil(onPage / BATCH);
        needs += onPage;
      }
    }
  }
  return {
    byEndpoint: {
      ...fixedReads(tenant, spChanges.size),
      'GET /v1.0/sites/{siteId}/drives': driveLists,
      'GET /v1.0/drives/{driveId}/root/delta': delta,
      'POST /v1.0/$batch': batches,
    },
    permissionReads: needs,
    sitesRead,
  };
}
