/**
 * The contract every SIEM destination implements (one file each in siem/sinks/, listed in
 * siem/sinks/index.ts). A sink turns an ordered batch of export events into its wire format,
 * sends it, and says exactly what the destination acknowledged; siem/drain.ts owns cursors,
 * retries, backoff and the dead-letter table, so sinks never retry or sleep themselves.
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { DestinationGuard } from './destination-guard.ts';
import type { ExportEvent, ProductInfo } from './export-event.ts';

export const sinkTypes = ['splunk-hec', 'syslog', 'elastic', 'webhook', 'file'] as const;
export type SinkType = (typeof sinkTypes)[number];

/** A network endpoint the sink will reach, checked by the destination guard when the sink is added. */
export interface Destination {
  host: string;
  port: number;
}

export interface SinkOpenOptions<C, S> {
  config: C;
  secrets: S;
  sinkId: string;
  tenant: { id: string; slug: string };
  product: ProductInfo;
  /** Refuses private, loopback and link-local addresses unless PERISCOPE_ALLOW_PRIVATE_SINKS=1; use its `lookup` for every socket. */
  guard: DestinationGuard;
  logger: Logger;
}

/**
 * What happened to one event of a batch:
 * - `delivered`: the destination acknowledged it (a duplicate the destination already had counts);
 * - `rejected`: refused for good because of this event's content (HEC code 6 at invalid-event-number,
 *   an Elastic item 400): it goes to the dead-letter table and export moves on;
 * - `retry`: not acknowledged (not processed, or a retryable per-item error): sent again later.
 */
export type EventOutcome =
  | { status: 'delivered' }
  | { status: 'rejected'; code: string; reason: string }
  | { status: 'retry'; reason: string };

export interface SinkClient {
  /**
   * Sends `events` (outbox order; keep it on the wire). Resolves `undefined` when the destination
   * acknowledged every event, or one outcome per event (same order) when it answered per event.
   * Throws SinkError when the whole batch failed. Must honour `signal` (abort = retryable).
   */
  deliver(events: ExportEvent[], signal: AbortSignal): Promise<EventOutcome[] | undefined>;
  /** Idempotent. */
  close(): Promise<void>;
}

export interface SinkDefinition<C = Record<string, unknown>, S = Record<string, unknown>> {
  type: SinkType;
  /** One line for `periscope export add --help` and the API. */
  title: string;
  /** Non-secret settings from `--config key=value` (values arrive as strings: coerce). Strict: unknown keys are errors. */
  config: z.ZodType<C>;
  /** Secrets from `--secret key=value`; sealed at rest, never logged or returned. */
  secrets: z.ZodType<S>;
  /** Largest batch one deliver() call takes. */
  maxBatch: number;
  /** Endpoints to check with the guard when the sink is added or updated (none for files). */
  destinations(config: C): Destination[];
  /** Files the sink writes, checked against the export directory when it is added (file sinks). */
  files?(config: C): string[];
  open(options: SinkOpenOptions<C, S>): SinkClient;
}

export function defineSink<C, S>(definition: SinkDefinition<C, S>): SinkDefinition<C, S> {
  return definition;
}

/**
 * A whole-batch failure. `retryable`: network errors, timeouts, 408/429/5xx, HEC codes 8 and 9 —
 * the batch is sent again after a backoff (at least `retryAfterMs` when the destination said so).
 * `permanent`: the destination refuses this sink's requests (bad token, unknown index, 4xx,
 * webhook 410) — the batch is dead-lettered with the reason and the sink paused until it is
 * updated or replayed. Messages name what was wrong and never contain a secret.
 */
export class SinkError extends Error {
  readonly kind: 'retryable' | 'permanent';
  /** Stable, e.g. 'hec_invalid_token', 'http_503', 'connect_refused', 'timeout'. */
  readonly code: string;
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: 'retryable' | 'permanent',
    code: string,
    message: string,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'SinkError';
    this.kind = kind;
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
  }
}
