/**
 * SharePoint and OneDrive items with their sharing. Sites come from `/sites/getAllSites`, their
 * drives from `/sites/{id}/drives`, items from each drive's `root/delta` with the Prefer headers
 * that flag sharing changes. Items with a `shared` facet (or flagged sharing changes) have their
 * permissions read in `$batch`es of 20; the rest are private (OneDrive) or site-wide (libraries).
 *
 * The first pass enumerates every drive and keeps its delta link. Later passes are delta passes:
 * only drives of sites modified since the last pass are read (one `getAllSites` listing tells),
 * plus every drive each `sweepHours`. A delta link Graph no longer honours (410 Gone) restarts
 * that drive's enumeration alone.
 */
import type { Batch } from '../../../scanner/connector.ts';
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError, PeriscopeError, StreamUnavailableError } from '../../../scanner/errors.ts';
import { mergeConcurrent } from '../../../scanner/merge-concurrent.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import type { Microsoft365Client } from '../client.ts';
import type { Microsoft365Credentials } from '../credentials.ts';
import { tenantDomains } from '../directory.ts';
import {
  type DriveContext,
  type DriveItem,
  type GraphPermission,
  itemExternalId,
  normalizeItem,
} from '../normalize/items.ts';

interface Site {
  id: string;
  displayName?: string | null;
  name?: string | null;
  lastModifiedDateTime?: string | null;
}

interface Drive {
  id: string;
  name?: string | null;
  driveType?: string | null;
  owner?: { user?: { email?: string | null; displayName?: string | null } | null } | null;
}

interface DriveState {
  deltaLink: string;
  siteId: string;
  /** Folders with sharing of their own: items below inherit it, so their permissions are read too. */
  sharedFolders?: string[];
  /** The drive as last listed, so a delta pass need not list a modified site's drives again. */
  name?: string | null;
  driveType?: string | null;
  owner?: string | null;
}

interface DrivesState {
  sweptAt: string;
  /** siteId → lastModifiedDateTime seen at the last read of its drives. */
  sites: Record<string, string>;
  drives: Record<string, DriveState>;
}

const STATE_KEY = 'drives';
const PERMISSION = 'Sites.Read.All';
const ITEM_FIELDS = 'id,name,webUrl,size,lastModifiedDateTime,file,folder,shared,deleted,parentReference';
/** Flags items whose permissions changed and reports deletions as such (research §2.12). */
const PREFER = { Prefer: 'deltashowremovedasdeleted, deltatraversepermissiongaps, deltashowsharingchanges' };

/** Sites read at once: each is a few calls, and their database writes overlap the others' waits. */
const SITE_CONCURRENCY = 4;

type SiteEvent =
  | { type: 'page'; page: DrivePage }
  | { type: 'drive'; id: string; state: DriveState }
  | { type: 'done'; siteId: string; modified: string }
  | { type: 'unreachable'; siteId: string; message: string };

export const drivesStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'drives',
  kinds: ['file'],
  async *collect(ctx) {
    const { client } = ctx;
    const started = new Date();
    const observedAt = started.toISOString();
    const previous = await ctx.state.get<DrivesState>(STATE_KEY);
    const sweep = !previous || started.getTime() - Date.parse(previous.sweptAt) >= client.sweepMs;
    const next: DrivesState = {
      sweptAt: sweep ? observedAt : (previous?.sweptAt ?? observedAt),
      sites: {},
      drives: {},
    };
    if (previous) yield { assets: [], delta: true };
    const domains = await tenantDomains(client);
    const sites = await client.listAll<Site>(
      'GET /sites/getAllSites',
      PERMISSION,
      '/sites/getAllSites?$select=id,displayName,name,lastModifiedDateTime&$top=999',
    );

    // Stored drives by site, once: a lookup per site over all drives would be quadratic.
    const storedBySite = drivesBySite(previous);
    const keepPrevious = (siteId: string) => {
      if (!previous) return;
      if (previous.sites[siteId] !== undefined) next.sites[siteId] = previous.sites[siteId];
      for (const [id, drive] of storedBySite.get(siteId) ?? []) next.drives[id] = drive;
    };
    const toRead = sites.filter((site) => {
      const seen = previous?.sites[site.id];
      const unchanged = !sweep && seen !== undefined && seen === (site.lastModifiedDateTime ?? '');
      if (unchanged) keepPrevious(site.id);
      return !unchanged;
    });

    const unreachable: string[] = [];
    const readSite = (site: Site) =>
      siteEvents(client, site, {
        previous,
        stored: storedBySite.get(site.id) ?? [],
        sweep,
        domains,
        observedAt,
      });
    for await (const event of mergeConcurrent(toRead, SITE_CONCURRENCY, readSite)) {
      if (event.type === 'page') yield { assets: event.page.assets, removed: event.page.removed };
      else if (event.type === 'drive') next.drives[event.id] = event.state;
      else if (event.type === 'done') next.sites[event.siteId] = event.modified;
      else {
        unreachable.push(event.message);
        keepPrevious(event.siteId);
      }
    }
    await ctx.state.set(STATE_KEY, next);
    if (unreachable.length > 0) {
      // Reported after every reachable site was read: those files are stored, the unreachable
      // sites' files are kept as they were, and the file rules say which sites they could not see.
      throw new StreamUnavailableError(
        'site_unreachable',
        `microsoft-365: ${unreachable.length} site(s) could not be read: ${unreachable.slice(0, 5).join('; ')}`,
      );
    }
  },
});

interface SitePass {
  previous: DrivesState | undefined;
  /** This site's drives as last stored. */
  stored: Array<[string, DriveState]>;
  sweep: boolean;
  domains: Set<string>;
  observedAt: string;
}

function drivesBySite(state: DrivesState | undefined): Map<string, Array<[string, DriveState]>> {
  const bySite = new Map<string, Array<[string, DriveState]>>();
  for (const entry of Object.entries(state?.drives ?? {})) {
    const list = bySite.get(entry[1].siteId);
    if (list) list.push(entry);
    else bySite.set(entry[1].siteId, [entry]);
  }
  return bySite;
}

/**
 * One site: its drives (listed again on a first pass or a sweep, else as last stored), then each
 * drive's items page by page. An unreachable site is an event, not a failure of the others.
 */
async function* siteEvents(
  client: Microsoft365Client,
  site: Site,
  pass: SitePass,
): AsyncGenerator<SiteEvent> {
  const stored = pass.stored.filter(([, d]) => d.driveType);
  let drives: Drive[];
  if (!pass.sweep && stored.length > 0) {
    drives = stored.map(([id, d]) => ({
      id,
      name: d.name,
      driveType: d.driveType,
      owner: { user: { email: d.owner } },
    }));
  } else {
    try {
      drives = await client.listAll<Drive>(
        'GET /sites/{id}/drives',
        PERMISSION,
        `/sites/${site.id}/drives?$select=id,name,driveType,owner`,
      );
    } catch (error) {
      // One site the app cannot reach (locked, access revoked) must not fail every other site.
      if (!isPeriscopeError(error) || !['permission_denied', 'not_found'].includes(error.code)) throw error;
      yield {
        type: 'unreachable',
        siteId: site.id,
        message: `${site.displayName ?? site.id}: ${error.message}`,
      };
      return;
    }
  }
  for (const drive of drives) {
    const personal = drive.driveType === 'business' || drive.driveType === 'personal';
    const owner = personal ? (drive.owner?.user?.email?.toLowerCase() ?? null) : null;
    const context: DriveContext = {
      driveId: drive.id,
      siteId: site.id,
      siteName: site.displayName ?? site.name ?? null,
      owner,
      tenantDomains: pass.domains,
      observedAt: pass.observedAt,
    };
    let deltaLink: string | undefined;
    const before = pass.previous?.drives[drive.id];
    const sharedFolders = new Set(before?.sharedFolders ?? []);
    for await (const page of readDrive(client, drive, context, before?.deltaLink, sharedFolders)) {
      if (page.deltaLink) deltaLink = page.deltaLink;
      if (page.assets.length > 0 || page.removed.length > 0) yield { type: 'page', page };
    }
    if (deltaLink) {
      const state: DriveState = {
        deltaLink,
        siteId: site.id,
        sharedFolders: [...sharedFolders],
        name: drive.name ?? null,
        driveType: drive.driveType ?? null,
        owner,
      };
      yield { type: 'drive', id: drive.id, state };
    }
  }
  yield { type: 'done', siteId: site.id, modified: site.lastModifiedDateTime ?? '' };
}

interface DrivePage {
  assets: AssetInput[];
  removed: NonNullable<Batch['removed']>;
  deltaLink?: string;
}

/** One drive's items, page by page: from its delta link, or enumerated when there is none (or it expired). */
async function* readDrive(
  client: Microsoft365Client,
  drive: Drive,
  context: DriveContext,
  deltaLink: string | undefined,
  sharedFolders: Set<string>,
): AsyncGenerator<DrivePage> {
  const first = `/drives/${drive.id}/root/delta?$select=${ITEM_FIELDS}&$top=1000`;
  let next: string | undefined = deltaLink ?? first;
  let restarted = false;
  while (next) {
    const url: string = next;
    let page: { value?: DriveItem[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
    try {
      page = await client.call('GET /drives/{id}/root/delta', PERMISSION, (graph) =>
        graph.api(url).headers(PREFER).get(),
      );
    } catch (error) {
      // 410 Gone: the link is too old; Graph's Location (or a fresh enumeration) restarts this drive only.
      if (!restarted && isPeriscopeError(error) && error.details.status === 410) {
        restarted = true;
        next = typeof error.details.location === 'string' ? error.details.location : first;
        continue;
      }
      throw error;
    }
    if (!Array.isArray(page.value))
      throw new Error(`microsoft-365 drive ${drive.id} delta: a page without value`);
    const live = page.value.filter((item) => !item.deleted && item.id && !isRoot(item));
    const removed = page.value
      .filter((item) => item.deleted)
      .map((item) => ({ kind: 'file' as const, externalId: itemExternalId(drive.id, item.id) }));
    for (const item of page.value) if (item.deleted) sharedFolders.delete(item.id);
    const assets = await normalizeWithSharing(client, drive.id, live, context, sharedFolders);
    // A folder whose sharing changed: its items inherit the change, but delta reports only the folder.
    if (deltaLink) {
      for (const folder of live.filter((item) => item.folder && sharingChanged(item))) {
        const below = await listSubtree(client, drive.id, folder.id);
        assets.push(...(await normalizeWithSharing(client, drive.id, below, context, sharedFolders)));
      }
    }
    next = page['@odata.nextLink'];
    const link = page['@odata.deltaLink'];
    if (!next && !link)
      throw new Error(`microsoft-365 drive ${drive.id} delta: a page with neither nextLink nor deltaLink`);
    yield { assets, removed, ...(link ? { deltaLink: link } : {}) };
  }
}

function sharingChanged(item: DriveItem): boolean {
  return item['@microsoft.graph.sharedChanged'] === 'True';
}

/**
 * Items with sharing of their own (a `shared` facet, a sharing change) or below a shared folder
 * get their permissions read; the others have the drive's default access. Folders met in
 * parent-first order extend the set of shared folders.
 */
async function normalizeWithSharing(
  client: Microsoft365Client,
  driveId: string,
  items: DriveItem[],
  context: DriveContext,
  sharedFolders: Set<string>,
): Promise<AssetInput[]> {
  const needs: DriveItem[] = [];
  for (const item of items) {
    const parent = item.parentReference?.id;
    const inherited = parent !== undefined && parent !== null && sharedFolders.has(parent);
    if (item.folder) {
      if (item.shared || inherited) sharedFolders.add(item.id);
      else if (sharingChanged(item)) sharedFolders.delete(item.id);
    }
    if (item.shared || sharingChanged(item) || inherited) needs.push(item);
  }
  const permissions = await readPermissions(client, driveId, needs);
  return items.map((item) =>
    normalizeItem(item, permissions.get(item.id) ?? defaultPermissions(item, context), context),
  );
}

/** Every item below a folder, breadth first (parents before children). */
async function listSubtree(
  client: Microsoft365Client,
  driveId: string,
  folderId: string,
): Promise<DriveItem[]> {
  const out: DriveItem[] = [];
  const queue = [folderId];
  for (let folder = queue.shift(); folder !== undefined; folder = queue.shift()) {
    const children = await client.listAll<DriveItem>(
      'GET /drives/{id}/items/{id}/children',
      PERMISSION,
      `/drives/${driveId}/items/${folder}/children?$select=${ITEM_FIELDS}&$top=999`,
    );
    for (const child of children) {
      out.push(child);
      if (child.folder) queue.push(child.id);
    }
  }
  return out;
}

/** The drive's root folder is the library itself, not an item anyone shares. */
function isRoot(item: DriveItem & { root?: unknown }): boolean {
  return item.root !== undefined;
}

/**
 * An item without a `shared` facet has the drive's own access: a OneDrive item its owner alone,
 * a document library item the site's members.
 */
function defaultPermissions(_item: DriveItem, context: DriveContext): GraphPermission[] {
  if (context.owner) return [];
  return [
    { id: 'site-members', roles: ['read'], grantedToV2: { siteGroup: { displayName: 'Site members' } } },
  ];
}

async function readPermissions(
  client: Microsoft365Client,
  driveId: string,
  items: DriveItem[],
): Promise<Map<string, GraphPermission[]>> {
  const out = new Map<string, GraphPermission[]>();
  if (items.length === 0) return out;
  const results = await client.batchGet(
    'GET /drives/{id}/items/{id}/permissions',
    PERMISSION,
    items.map((item) => `/drives/${driveId}/items/${item.id}/permissions`),
  );
  items.forEach((item, i) => {
    const result = results[i];
    if (!result) return;
    if (result.status === 404) return; // deleted since the delta page: the next pass names it
    const body = result.body as { value?: GraphPermission[]; '@odata.nextLink'?: string } | null;
    if (result.status !== 200 || !Array.isArray(body?.value)) {
      const code =
        result.status === 403
          ? 'permission_denied'
          : result.status >= 500
            ? 'vendor_error'
            : 'malformed_response';
      throw new PeriscopeError(
        code,
        `microsoft-365 $batch GET /drives/{id}/items/${item.id}/permissions → HTTP ${result.status}`,
        {
          provider: 'microsoft-365',
          status: result.status,
        },
      );
    }
    out.set(item.id, body.value);
  });
  return out;
}
