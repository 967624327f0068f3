/**
 * Delivery: drains one sink's share of the outbox in id order, at least once. The cursor moves
 * only past events the destination acknowledged (or that went to the dead-letter table), in the
 * same transaction as those dead letters; a crash anywhere re-sends from the old cursor, with the
 * same event uids. Retryable failures back off (stored on the sink, so any worker picks up the
 * schedule); a permanent refusal dead-letters the batch and pauses the sink.
 */

import { loadExportEventsAfter } from '../db/export-events.ts';
import {
  acquireLease,
  advanceCursor,
  type ExportSink,
  pauseSink,
  recordRetry,
  releaseLease,
  renewLease,
} from '../db/export-sinks.ts';
import { PeriscopeError } from '../scanner/errors.ts';
import { backoffDelay } from './backoff.ts';
import type { ExportDeps } from './export-deps.ts';
import type { ExportEvent } from './export-event.ts';
import { openSinkClient } from './open-sink.ts';
import { type EventOutcome, type SinkClient, SinkError } from './sink.ts';

export interface DrainOptions {
  /** Stop after about this many events (a bounded job); default: until caught up. */
  maxEvents?: number;
  /** Events per delivery, at most the sink's own maximum. */
  batchSize?: number;
  signal?: AbortSignal;
  /** How long a drainer may hold the sink before another may take over (default 60 s, renewed per batch). */
  leaseMs?: number;
}

export type DrainStatus =
  /** Everything up to the outbox head was delivered (or dead-lettered). */
  | 'caught_up'
  /** Stopped at maxEvents with more to send. */
  | 'partial'
  /** A retryable failure; the sink waits until nextAttemptAt. */
  | 'retry_later'
  /** Paused by a permanent refusal or a configuration problem; see the sink's pausedReason. */
  | 'paused'
  /** Another drainer holds the lease. */
  | 'busy';

export interface DrainResult {
  sinkId: string;
  status: DrainStatus;
  delivered: number;
  deadLettered: number;
  error?: string;
  nextAttemptAt?: Date;
}

export async function drainSink(
  deps: ExportDeps,
  sinkId: string,
  options: DrainOptions = {},
): Promise<DrainResult> {
  const leaseMs = options.leaseMs ?? 60_000;
  const sink = await acquireLease(deps.db, sinkId, leaseMs);
  const result: DrainResult = { sinkId, status: 'busy', delivered: 0, deadLettered: 0 };
  if (!sink) return result;
  let client: SinkClient | undefined;
  try {
    if (sink.state !== 'active')
      return { ...result, status: 'paused', error: sink.pausedReason ?? undefined };
    const opened = await openSinkClient(deps, sink);
    client = opened.client;
    const batchSize = Math.max(1, Math.min(opened.maxBatch, options.batchSize ?? opened.maxBatch));
    const signal = options.signal ?? new AbortController().signal;
    let cursor = sink.cursor;
    let pending = loadExportEventsAfter(deps.db, sink.tenantId, cursor, batchSize, deps.rules);
    for (;;) {
      const events = await pending;
      if (events.length === 0) return { ...result, status: 'caught_up' };
      if (options.maxEvents !== undefined && result.delivered + result.deadLettered >= options.maxEvents)
        return { ...result, status: 'partial' };
      // Read the next batch while this one is on the wire; dropped if this one is not fully acknowledged.
      pending = loadExportEventsAfter(deps.db, sink.tenantId, events.at(-1)!.eventId, batchSize, deps.rules);
      pending.catch(() => {});
      let outcomes: EventOutcome[] | undefined;
      try {
        outcomes = await client.deliver(events, signal);
      } catch (error) {
        return await handleBatchFailure(deps, sink, cursor, events, error, result);
      }
      const walk = walkOutcomes(events, outcomes);
      if (walk.to > cursor) {
        const moved = await advanceCursor(deps.db, sink, {
          from: cursor,
          to: walk.to,
          delivered: walk.delivered,
          deadLetters: walk.deadLetters,
        });
        // A replay or backfill rewound the cursor meanwhile: stop; the next drain starts from it.
        if (!moved) return { ...result, status: 'partial' };
        cursor = walk.to;
        result.delivered += walk.delivered;
        result.deadLettered += walk.deadLetters.length;
      }
      if (walk.retry) return await scheduleRetry(deps, sink, walk.retry, 0, result);
      await renewLease(deps.db, sink.id, leaseMs);
    }
  } catch (error) {
    if (isConfigProblem(error)) {
      const reason = messageOf(error);
      await pauseSink(deps.db, sink.id, reason);
      return { ...result, status: 'paused', error: reason };
    }
    return await scheduleRetry(deps, sink, messageOf(error), 0, result);
  } finally {
    await client?.close().catch(() => {});
    await releaseLease(deps.db, sink.id).catch(() => {});
  }
}

interface Walk {
  /** The new cursor: the last event of the acknowledged (or dead-lettered) prefix. */
  to: number;
  delivered: number;
  deadLetters: Array<{ eventId: number; code: string; reason: string }>;
  /** Why the walk stopped at an unacknowledged event, if it did. */
  retry?: string;
}

/** The longest prefix of the batch that is settled; per-finding order holds because nothing after a retry is skipped. */
function walkOutcomes(events: ExportEvent[], outcomes: EventOutcome[] | undefined): Walk {
  if (!outcomes) return { to: events.at(-1)!.eventId, delivered: events.length, deadLetters: [] };
  if (outcomes.length !== events.length)
    throw new PeriscopeError(
      'internal',
      `sink answered ${outcomes.length} outcomes for ${events.length} events`,
    );
  const walk: Walk = { to: 0, delivered: 0, deadLetters: [] };
  for (let i = 0; i < events.length; i++) {
    const outcome = outcomes[i]!;
    if (outcome.status === 'retry') return { ...walk, retry: outcome.reason };
    if (outcome.status === 'delivered') walk.delivered++;
    else walk.deadLetters.push({ eventId: events[i]!.eventId, code: outcome.code, reason: outcome.reason });
    walk.to = events[i]!.eventId;
  }
  return walk;
}

async function handleBatchFailure(
  deps: ExportDeps,
  sink: ExportSink,
  cursor: number,
  events: ExportEvent[],
  error: unknown,
  result: DrainResult,
): Promise<DrainResult> {
  if (error instanceof SinkError && error.kind === 'permanent' && !refusedDestination(error)) {
    const reason = `${error.code}: ${error.message}`;
    await advanceCursor(deps.db, sink, {
      from: cursor,
      to: events.at(-1)!.eventId,
      delivered: 0,
      deadLetters: events.map((e) => ({ eventId: e.eventId, code: error.code, reason: error.message })),
    });
    await pauseSink(deps.db, sink.id, reason);
    deps.logger.warn(
      { sink: sink.name, tenant: sink.tenantId, code: error.code },
      'export sink refused a batch: dead-lettered and paused',
    );
    return { ...result, deadLettered: result.deadLettered + events.length, status: 'paused', error: reason };
  }
  if (isConfigProblem(error) || (error instanceof SinkError && refusedDestination(error))) {
    const reason = messageOf(error);
    await pauseSink(deps.db, sink.id, reason);
    return { ...result, status: 'paused', error: reason };
  }
  const retryAfter = error instanceof SinkError ? (error.retryAfterMs ?? 0) : 0;
  return scheduleRetry(deps, sink, messageOf(error), retryAfter, result);
}

async function scheduleRetry(
  deps: ExportDeps,
  sink: ExportSink,
  reason: string,
  retryAfterMs: number,
  result: DrainResult,
): Promise<DrainResult> {
  const delay = backoffDelay(sink.failures + 1, deps.backoff, retryAfterMs);
  const nextAttemptAt = new Date(Date.now() + delay);
  await recordRetry(deps.db, sink.id, reason, nextAttemptAt);
  deps.logger.info(
    { sink: sink.name, tenant: sink.tenantId, delayMs: delay, reason },
    'export delivery failed; will retry',
  );
  return { ...result, status: 'retry_later', error: reason, nextAttemptAt };
}

/** The guard refused the address: nothing was sent, so the events stay queued (no dead letters) until the sink is fixed. */
function refusedDestination(error: SinkError): boolean {
  return error.code === 'config_invalid' || error.code === 'destination_refused';
}

/** Configuration that cannot work until someone changes it: bad stored config, undecryptable secrets, a refused address. */
function isConfigProblem(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof PeriscopeError && e.code === 'config_invalid') return true;
  }
  return false;
}

function messageOf(error: unknown): string {
  if (error instanceof SinkError) return `${error.code}: ${error.message}`;
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof PeriscopeError) return e.message;
  }
  return error instanceof Error ? error.message : String(error);
}
