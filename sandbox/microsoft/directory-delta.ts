/**
 * `GET /users/delta` and `GET /servicePrincipals/delta` over the tenant's directory change log.
 * The first round enumerates every object (pages carry `$skiptoken`), the last page a
 * `$deltatoken`; a later round returns the objects changed since, removed ones as
 * `{id, "@removed": {reason: "changed"}}` (soft-deleted). `$deltatoken=latest` returns only a
 * token. Query options are fixed by the first request and carried in the tokens. Tokens older
 * than the lifetime (7 days) or from before an invalidation answer 400 `syncStateNotFound`.
 */
import type { GraphCall } from './route-types.ts';
import type { MicrosoftTenant } from './types.ts';
import {
  badRequest,
  collection,
  decodeToken,
  encodeToken,
  type GraphReply,
  graphError,
  option,
  pick,
} from './wire.ts';

type Kind = 'user' | 'servicePrincipal';

export interface DeltaSource {
  kind: Kind;
  /** `users` or `servicePrincipals`: the path segment and the metadata context. */
  segment: string;
  /** Objects present now (deleted ones excluded), in a stable order. */
  current(tenant: MicrosoftTenant): Array<{ index: number }>;
  /** Whether the object at `index` is (soft-)deleted, and its id. */
  lookup(tenant: MicrosoftTenant, index: number): { id: string; deleted: boolean } | undefined;
  serialize(tenant: MicrosoftTenant, index: number): Record<string, unknown>;
  /** `$select` resolved against the object's properties (or Graph's 400). */
  fields(call: GraphCall): string[] | GraphReply;
}

interface DeltaState {
  k: Kind;
  m: 'full' | 'changes';
  from: number;
  upto: number;
  pos: number;
  sel: string[];
  g: number;
  at: number;
}

const DEFAULT_PAGE = 100;

function stateOf(raw: Record<string, unknown> | undefined, kind: Kind): DeltaState | undefined {
  if (!raw || raw.k !== kind || (raw.m !== 'full' && raw.m !== 'changes')) return undefined;
  for (const key of ['from', 'upto', 'pos', 'g', 'at']) if (typeof raw[key] !== 'number') return undefined;
  return Array.isArray(raw.sel) ? (raw as unknown as DeltaState) : undefined;
}

export function directoryDelta(call: GraphCall, source: DeltaSource): GraphReply {
  const { tenant, origin } = call;
  const log = tenant.directoryLog;
  const sync = tenant.syncState;
  const link = (param: 'skiptoken' | 'deltatoken', state: DeltaState) =>
    `${origin}/v1.0/${source.segment}/delta?$${param}=${encodeToken({ ...state })}`;
  const context = `${source.segment}`;

  const deltaToken = option(call.query, 'deltatoken');
  const skipToken = option(call.query, 'skiptoken');
  let state: DeltaState;
  if (deltaToken === 'latest' || (!deltaToken && !skipToken)) {
    const sel = source.fields(call);
    if (!Array.isArray(sel)) return sel;
    state = {
      k: source.kind,
      m: 'full',
      from: 0,
      upto: log.length,
      pos: 0,
      sel,
      g: sync.directoryGeneration,
      at: Date.now(),
    };
    if (deltaToken === 'latest') {
      const latest = { ...state, m: 'changes' as const, from: log.length };
      return {
        status: 200,
        body: collection(origin, context, [], { '@odata.deltaLink': link('deltatoken', latest) }),
      };
    }
  } else {
    const decoded = stateOf(decodeToken(skipToken ?? deltaToken), source.kind);
    if (!decoded) return badRequest('Badly formed token.', 'Request_BadRequest');
    if (decoded.g !== sync.directoryGeneration || Date.now() - decoded.at > sync.directoryTokenLifetimeMs) {
      return graphError(
        400,
        'syncStateNotFound',
        'The sync state generation is not found. Please start a new sync without a delta token.',
      );
    }
    state = deltaToken ? { ...decoded, upto: log.length, pos: 0 } : decoded;
  }

  const preferred = /odata\.maxpagesize=(\d+)/i.exec(call.headers.prefer ?? '')?.[1];
  const size = Math.min(999, Math.max(1, Number(preferred ?? DEFAULT_PAGE)));
  const indices =
    state.m === 'full'
      ? source.current(tenant).map((o) => o.index)
      : changedSince(tenant, source.kind, state.from, state.upto);
  const value = indices.slice(state.pos, state.pos + size).map((index) => {
    const found = source.lookup(tenant, index);
    if (!found || found.deleted) return { id: found?.id, '@removed': { reason: 'changed' } };
    return pick(source.serialize(tenant, index), state.sel.includes('id') ? state.sel : ['id', ...state.sel]);
  });
  const extra: Record<string, unknown> = {};
  if (state.pos + size < indices.length)
    extra['@odata.nextLink'] = link('skiptoken', { ...state, pos: state.pos + size });
  else
    extra['@odata.deltaLink'] = link('deltatoken', {
      ...state,
      m: 'changes',
      from: state.upto,
      pos: 0,
      at: Date.now(),
    });
  return { status: 200, body: collection(origin, context, value, extra) };
}

/** Objects of `kind` changed in log positions [from, upto), each once, by their last change. */
function changedSince(tenant: MicrosoftTenant, kind: Kind, from: number, upto: number): number[] {
  const last = new Map<number, number>();
  for (let seq = from; seq < upto; seq += 1) {
    const entry = tenant.directoryLog[seq];
    if (entry?.kind === kind) last.set(entry.index, seq);
  }
  return [...last.entries()].sort((a, b) => a[1] - b[1]).map(([index]) => index);
}
