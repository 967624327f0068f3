/**
 * What people do with export sinks (CLI `periscope export …` and the REST API share it): add,
 * update, remove, replay, backfill, status. Config and secrets are validated by the sink's own
 * schemas with the bad key named; destinations are checked by the guard before anything is
 * stored; secrets are sealed and never returned.
 */

import { cursorBefore, loadExportEventsByIds, outboxHead } from '../db/export-events.ts';
import {
  acquireLease,
  countPendingDeadLetters,
  deleteSink,
  type ExportSink,
  getSink,
  insertSink,
  listDeadLetters,
  listSinks,
  markReplayed,
  releaseLease,
  sinkLag,
  updateSinkRow,
} from '../db/export-sinks.ts';
import { PeriscopeError } from '../scanner/errors.ts';
import { type DrainOptions, type DrainResult, drainSink } from './drain.ts';
import type { ExportDeps } from './export-deps.ts';
import { openSinkClient, sinkDefinition } from './open-sink.ts';
import { parseSinkSettings } from './sink-settings.ts';

export interface AddSinkRequest {
  type: string;
  name?: string;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
  /** 'beginning' (default): the tenant's whole outbox history is sent; 'now': only events from now on. */
  start?: 'beginning' | 'now';
}

/** A sink as shown to people: settings and delivery state, never secrets. */
export interface SinkStatus {
  id: string;
  name: string;
  type: string;
  config: Record<string, unknown>;
  state: string;
  pausedReason: string | null;
  cursor: number;
  head: number;
  lagEvents: number;
  lagSeconds: number;
  delivered: number;
  deadLetters: number;
  failures: number;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastDeliveredAt: Date | null;
  nextAttemptAt: Date | null;
  /** Names of the stored secrets (values are never shown). */
  secretKeys: string[];
}

export async function addSink(
  deps: ExportDeps,
  tenantId: string,
  request: AddSinkRequest,
): Promise<SinkStatus> {
  const definition = sinkDefinition(deps, request.type);
  const name = request.name ?? request.type;
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name))
    throw new PeriscopeError(
      'config_invalid',
      `export sink name "${name}" must be lowercase letters, digits and dashes`,
    );
  const config = parseSinkSettings(definition.config, request.config, `${request.type} config`);
  const secrets = parseSinkSettings(definition.secrets, request.secrets, `${request.type} secrets`, true);
  await checkDestinations(deps, definition.destinations(config));
  for (const file of definition.files?.(config) ?? []) deps.guard.checkFile(file);
  const cursor = request.start === 'now' ? await outboxHead(deps.db, tenantId) : 0;
  const row = await insertSink(deps.db, {
    tenantId,
    name,
    type: request.type,
    config: config as Record<string, unknown>,
    secretCiphertext: deps.box.seal(secrets),
    cursor,
  });
  return sinkStatus(deps, row);
}

export interface UpdateSinkRequest {
  /** Keys to set (merged over the stored config); a value of null removes the key. */
  config?: Record<string, unknown>;
  secrets?: Record<string, unknown>;
}

/** Changes settings; a paused sink becomes active again (the change is presumably the fix). */
export async function updateSink(
  deps: ExportDeps,
  tenantId: string,
  nameOrId: string,
  request: UpdateSinkRequest,
): Promise<SinkStatus> {
  const sink = await getSink(deps.db, tenantId, nameOrId);
  const definition = sinkDefinition(deps, sink.type);
  const merged = withoutNulls({ ...sink.config, ...request.config });
  const config = parseSinkSettings(definition.config, merged, `${sink.type} config`);
  const storedSecrets = deps.box.open<Record<string, unknown>>(sink.secretCiphertext);
  const secrets = parseSinkSettings(
    definition.secrets,
    withoutNulls({ ...storedSecrets, ...request.secrets }),
    `${sink.type} secrets`,
    true,
  );
  await checkDestinations(deps, definition.destinations(config));
  for (const file of definition.files?.(config) ?? []) deps.guard.checkFile(file);
  const row = await updateSinkRow(deps.db, sink, {
    config: config as Record<string, unknown>,
    secretCiphertext: deps.box.seal(secrets),
    state: 'active',
    pausedReason: null,
    failures: 0,
    nextAttemptAt: null,
  });
  return sinkStatus(deps, row);
}

export async function removeSink(deps: ExportDeps, tenantId: string, nameOrId: string): Promise<void> {
  const sink = await getSink(deps.db, tenantId, nameOrId);
  await deleteSink(deps.db, tenantId, sink.id);
}

export async function sinkStatuses(deps: ExportDeps, tenantId: string): Promise<SinkStatus[]> {
  const rows = await listSinks(deps.db, tenantId);
  return Promise.all(rows.map((row) => sinkStatus(deps, row)));
}

export async function getSinkStatus(
  deps: ExportDeps,
  tenantId: string,
  nameOrId: string,
): Promise<SinkStatus> {
  return sinkStatus(deps, await getSink(deps.db, tenantId, nameOrId));
}

export async function sinkStatus(deps: ExportDeps, row: ExportSink): Promise<SinkStatus> {
  const [lag, head, deadLetters] = await Promise.all([
    sinkLag(deps.db, row),
    outboxHead(deps.db, row.tenantId),
    countPendingDeadLetters(deps.db, row.id),
  ]);
  const secretKeys = Object.keys(deps.box.open<Record<string, unknown>>(row.secretCiphertext)).sort();
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    config: row.config,
    state: row.state,
    pausedReason: row.pausedReason,
    cursor: row.cursor,
    head,
    lagEvents: lag.events,
    lagSeconds: Math.round(lag.oldestSeconds),
    delivered: row.delivered,
    deadLetters,
    failures: row.failures,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt,
    lastDeliveredAt: row.lastDeliveredAt,
    nextAttemptAt: row.nextAttemptAt,
    secretKeys,
  };
}

export interface ReplayResult {
  /** Dead letters delivered now. */
  replayed: number;
  /** Dead letters the destination refused again (they stay pending, with their first reason). */
  stillRefused: number;
  /** The drain that followed. */
  drain: DrainResult;
}

/**
 * Sends a sink's dead letters again (oldest first), reactivates it and drains what queued up
 * behind. With `fromEventId`, rewinds the cursor instead: everything from that event on is sent
 * again (same uids, so receivers can drop what they already have).
 */
export async function replaySink(
  deps: ExportDeps,
  tenantId: string,
  nameOrId: string,
  options: { fromEventId?: number; drain?: DrainOptions } = {},
): Promise<ReplayResult> {
  let sink = await getSink(deps.db, tenantId, nameOrId);
  if (options.fromEventId !== undefined) {
    await rewind(deps, sink, options.fromEventId - 1);
    return { replayed: 0, stillRefused: 0, drain: await drainSink(deps, sink.id, options.drain) };
  }
  sink = await updateSinkRow(deps.db, sink, {
    state: 'active',
    pausedReason: null,
    failures: 0,
    nextAttemptAt: null,
  });
  const held = await acquireLease(deps.db, sink.id, 60_000);
  if (!held)
    throw new PeriscopeError(
      'unavailable',
      `export sink "${sink.name}" is being drained right now; try again in a minute`,
    );
  let replayed = 0;
  let stillRefused = 0;
  try {
    const { client, maxBatch } = await openSinkClient(deps, sink);
    try {
      // One pass in event order: a letter refused again stays pending (with its first reason), so
      // the next page starts after the last letter read, not at the first pending one.
      let after = 0;
      for (;;) {
        const letters = await listDeadLetters(deps.db, sink, {
          pendingOnly: true,
          limit: maxBatch,
          afterEventId: after,
        });
        if (letters.length === 0) break;
        after = letters.at(-1)!.eventId;
        const ids = [...new Set(letters.map((l) => l.eventId))];
        const events = await loadExportEventsByIds(deps.db, tenantId, ids, deps.rules);
        const outcomes = events.length > 0 ? await client.deliver(events, new AbortController().signal) : [];
        const settled = new Set<number>();
        let retry = false;
        events.forEach((event, i) => {
          const outcome = outcomes?.[i] ?? { status: 'delivered' as const };
          if (outcome.status === 'delivered') {
            replayed++;
            settled.add(event.eventId);
          } else if (outcome.status === 'rejected') stillRefused++;
          else retry = true;
        });
        // Letters whose event is gone (finding deleted with its connection) are settled too.
        const loaded = new Set(events.map((e) => e.eventId));
        const done = letters.filter((l) => settled.has(l.eventId) || !loaded.has(l.eventId));
        await markReplayed(
          deps.db,
          done.map((l) => l.id),
        );
        if (retry) break;
      }
    } finally {
      await client.close().catch(() => {});
    }
  } finally {
    await releaseLease(deps.db, sink.id);
  }
  return { replayed, stillRefused, drain: await drainSink(deps, sink.id, options.drain) };
}

/** Re-sends every event of the tenant since `since` (and drains); events before stay as delivered. */
export async function backfillSink(
  deps: ExportDeps,
  tenantId: string,
  nameOrId: string,
  since: Date,
  drain?: DrainOptions,
): Promise<{ from: number; drain: DrainResult }> {
  if (Number.isNaN(since.getTime()))
    throw new PeriscopeError('config_invalid', 'backfill --since must be a date (YYYY-MM-DD or ISO 8601)');
  const sink = await getSink(deps.db, tenantId, nameOrId);
  const to = await cursorBefore(deps.db, tenantId, since);
  await rewind(deps, sink, to);
  return { from: to + 1, drain: await drainSink(deps, sink.id, drain) };
}

async function rewind(deps: ExportDeps, sink: ExportSink, cursor: number): Promise<void> {
  if (!Number.isInteger(cursor) || cursor < 0)
    throw new PeriscopeError('config_invalid', 'the event id to replay from must be a positive integer');
  const head = await outboxHead(deps.db, sink.tenantId);
  await updateSinkRow(deps.db, sink, {
    cursor: Math.min(cursor, head),
    state: 'active',
    pausedReason: null,
    failures: 0,
    nextAttemptAt: null,
  });
}

async function checkDestinations(deps: ExportDeps, destinations: Array<{ host: string }>): Promise<void> {
  for (const destination of destinations) await deps.guard.check(destination.host);
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));
}
