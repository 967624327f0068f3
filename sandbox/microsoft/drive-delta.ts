/**
 * `GET /drives/{id}/root/delta`. No `token`: a full enumeration (root, folders, then files),
 * paged by nextLinks and closed by a deltaLink; `token=latest`: an empty page and the current
 * deltaLink; an ISO timestamp: items modified since then; a previous token: the items changed
 * since, each once in its latest state, deleted ones as `{id, deleted: {state: "deleted"}}`.
 * With `Prefer: deltashowsharingchanges` (and the `Sites.FullControl.All` role Graph requires for
 * it) items whose permissions changed carry `"@microsoft.graph.sharedChanged": "True"`; without
 * it a re-shared folder comes back with every item under it. A token
 * from before the drive's tokens were invalidated, or older than the lifetime, answers
 * 410 Gone with `resyncChangesApplyDifferences` and a Location that restarts the enumeration.
 */
import { deletedStub, serializeItem, serializeRoot } from './drive-view.ts';
import { itemIdOf } from './ids.ts';
import type { GraphCall } from './route-types.ts';
import type { Drive, MicrosoftTenant } from './types.ts';
import {
  badRequest,
  decodeToken,
  encodeToken,
  type GraphReply,
  graphError,
  pageSize,
  selectFields,
} from './wire.ts';

interface DriveDeltaState {
  d: number;
  /** full: every item; since: modified since `t`; changes: the log in [from, upto). */
  m: 'full' | 'since' | 'changes';
  from: number;
  upto: number;
  pos: number;
  t: number;
  g: number;
  at: number;
}

const ITEM_FIELDS = [
  'id',
  'name',
  'eTag',
  'cTag',
  'createdDateTime',
  'lastModifiedDateTime',
  'size',
  'webUrl',
  'createdBy',
  'lastModifiedBy',
  'parentReference',
  'fileSystemInfo',
  'file',
  'folder',
  'root',
  'shared',
  'deleted',
];

/** `upto` of a deltaLink token: the round it opens ends at the log's length when it is used. */
const OPEN = -1;

/** The first log position at or after time `t`. */
function firstAfter(tenant: MicrosoftTenant, t: number): number {
  const i = tenant.driveLog.findIndex((e) => Date.parse(e.time) >= t);
  return i < 0 ? tenant.driveLog.length : i;
}

const generationOf = (tenant: MicrosoftTenant, drive: number) =>
  tenant.syncState.driveGenerations.get(drive) ?? 0;

function stateOf(raw: Record<string, unknown> | undefined): DriveDeltaState | undefined {
  if (!raw || !['full', 'since', 'changes'].includes(String(raw.m))) return undefined;
  for (const key of ['d', 'from', 'upto', 'pos', 't', 'g', 'at'])
    if (typeof raw[key] !== 'number') return undefined;
  return raw as unknown as DriveDeltaState;
}

/** Slots of the drive in enumeration order: the root (-1), then its generated range, then additions. */
function slotsOf(tenant: MicrosoftTenant, drive: Drive): number[] {
  const range = tenant.items.driveRange(drive.index);
  const out = [-1];
  for (let i = range.start; i < range.end; i += 1) out.push(i);
  for (const i of tenant.items.addedIndices()) if (tenant.items.driveOf(i) === drive.index) out.push(i);
  return out;
}

/**
 * Log entries of this drive in [from, upto): each item once, by its last change, and whether its
 * sharing changed. Without the sharing-changes preference a re-shared folder brings every item
 * under it along (their access changed too); with it, only the folder, flagged.
 */
function changesOf(
  tenant: MicrosoftTenant,
  drive: number,
  from: number,
  upto: number,
  expandFolders = false,
) {
  const last = new Map<number, { seq: number; sharing: boolean }>();
  for (let seq = from; seq < upto; seq += 1) {
    const e = tenant.driveLog[seq];
    if (!e || e.drive !== drive) continue;
    last.set(e.item, { seq, sharing: (last.get(e.item)?.sharing ?? false) || e.sharing });
  }
  const ordered = [...last.entries()].sort((a, b) => a[1].seq - b[1].seq);
  const out: Array<{ item: number; sharing: boolean }> = [];
  const listed = new Set<number>();
  const push = (item: number, sharing: boolean) => {
    if (listed.has(item)) return;
    listed.add(item);
    out.push({ item, sharing });
    if (expandFolders && sharing && tenant.items.get(item)?.folder) {
      for (const child of tenant.items.childrenOf(drive, item)) push(child, sharing);
    }
  };
  for (const [item, v] of ordered) push(item, v.sharing);
  return out;
}

export function driveDelta(call: GraphCall, drive: Drive): GraphReply {
  const { tenant, origin } = call;
  const log = tenant.driveLog;
  const size = pageSize(call.query, { fallback: 200, max: 1000, reject: false });
  if (typeof size !== 'number') return size;
  const fields = selectFields(call.query, ITEM_FIELDS, ITEM_FIELDS, 'microsoft.graph.driveItem');
  if (!Array.isArray(fields)) return fields;
  const base = `${origin}/v1.0/drives/${drive.id}/root/delta`;
  const passOn = (state: DriveDeltaState) => {
    const extra = [...call.query]
      .filter(([k]) => k.replace(/^\$/, '') !== 'token')
      .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/gi, ',')}`);
    return `${base}?${[...extra, `token=${encodeToken({ ...state })}`].join('&')}`;
  };
  const fresh = (m: DriveDeltaState['m'], extra: Partial<DriveDeltaState> = {}): DriveDeltaState => ({
    d: drive.index,
    m,
    from: 0,
    upto: log.length,
    pos: 0,
    t: 0,
    g: generationOf(tenant, drive.index),
    at: Date.now(),
    ...extra,
  });

  const token = call.query.get('token');
  let state: DriveDeltaState;
  if (token === null || token === '') state = fresh('full');
  else if (token === 'latest') {
    return {
      status: 200,
      body: {
        '@odata.context': `${origin}/v1.0/$metadata#Collection(driveItem)`,
        value: [],
        '@odata.deltaLink': passOn(fresh('changes', { from: log.length, upto: OPEN })),
      },
    };
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(token) && !Number.isNaN(Date.parse(token))) {
    state = fresh('since', { t: Date.parse(token) });
  } else {
    const decoded = stateOf(decodeToken(token));
    if (!decoded || decoded.d !== drive.index) return badRequest('Invalid token.', 'invalidRequest');
    const stale =
      decoded.g !== generationOf(tenant, drive.index) ||
      Date.now() - decoded.at > tenant.syncState.driveTokenLifetimeMs;
    if (stale) {
      return graphError(
        410,
        'resyncChangesApplyDifferences',
        'Resync required. Replace any local items with the server\u2019s version (including deletes) if you\u2019re sure that the service was up to date with your local changes when you last sync\u2019d. Upload any local changes that the server doesn\u2019t know about.',
        { location: passOn(fresh('full')) },
      );
    }
    // A deltaLink token opens a new round: it reports the log up to its current end.
    state = decoded.upto === OPEN ? { ...decoded, upto: log.length } : decoded;
  }

  const prefer = (call.headers.prefer ?? '').toLowerCase();
  const showSharing =
    prefer.includes('deltashowsharingchanges') && call.grant.roles.has('Sites.FullControl.All');
  const value: unknown[] = [];
  let total: number;
  const emitSlot = (slot: number, sharing = false) => {
    if (slot < 0) return value.push(serializeRoot(tenant, drive));
    const item = tenant.items.get(slot);
    if (!item) return value.push(deletedStub(tenant, { id: itemIdOf(slot), drive: drive.index }));
    const body = serializeItem(tenant, item, { inDelta: true });
    if (sharing && showSharing) body['@microsoft.graph.sharedChanged'] = 'True';
    return value.push(body);
  };
  if (state.m === 'changes') {
    const changes = changesOf(tenant, drive.index, state.from, state.upto, !showSharing);
    total = changes.length;
    for (const c of changes.slice(state.pos, state.pos + size)) emitSlot(c.item, c.sharing);
  } else {
    const since = state.m === 'since' ? state.t : undefined;
    const slots = slotsOf(tenant, drive);
    const matching =
      since === undefined
        ? slots
        : [
            ...slots.filter(
              (s) => s >= 0 && Date.parse(tenant.items.get(s)?.lastModifiedDateTime ?? '') >= since,
            ),
            ...changesOf(tenant, drive.index, firstAfter(tenant, since), log.length)
              .filter((c) => !tenant.items.get(c.item))
              .map((c) => c.item),
          ];
    total = matching.length;
    // A full enumeration lists what exists; deletions only show in later rounds.
    for (const slot of matching.slice(state.pos, state.pos + size)) {
      if (slot < 0 || tenant.items.get(slot) || since !== undefined) emitSlot(slot);
    }
  }
  const body: Record<string, unknown> = {
    '@odata.context': `${origin}/v1.0/$metadata#Collection(driveItem)`,
    value:
      fields.length === ITEM_FIELDS.length
        ? value
        : value.map((v) => narrow(v as Record<string, unknown>, fields)),
  };
  if (state.pos + size < total) body['@odata.nextLink'] = passOn({ ...state, pos: state.pos + size });
  else body['@odata.deltaLink'] = passOn(fresh('changes', { from: state.upto, upto: OPEN }));
  const headers: Record<string, string> = showSharing
    ? {
        'preference-applied':
          'deltashowremovedasdeleted, deltatraversepermissiongaps, deltashowsharingchanges',
      }
    : {};
  return { status: 200, body, headers };
}

/** `$select` on delta keeps the id, deletion and sharing annotations a sync needs. */
function narrow(item: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: item.id };
  for (const f of fields) if (f in item) out[f] = item[f];
  if (item.deleted) out.deleted = item.deleted;
  if (item['@microsoft.graph.sharedChanged'])
    out['@microsoft.graph.sharedChanged'] = item['@microsoft.graph.sharedChanged'];
  return out;
}
