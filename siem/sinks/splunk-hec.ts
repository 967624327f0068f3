/**
 * Splunk HTTP Event Collector: OCSF events as concatenated JSON envelopes to
 * `/services/collector/event`, with optional indexer acknowledgement (Splunk Enterprise only, so
 * off by default: then a 200 is "delivered", and `fields.event_uid` lets a search dedupe re-sends).
 * Answers are classified by HEC code (research/siem.md §2): a data error at
 * `invalid-event-number` N delivers the N events before it, rejects event N, and retries the rest.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Agent } from 'undici';
import { z } from 'zod';
import type { ExportEvent, ProductInfo } from '../export-event.ts';
import {
  createHttpDispatcher,
  httpSetting,
  isRetryableStatus,
  joinPath,
  retryAfterMs,
  transportError,
  urlDestination,
} from '../http-destination.ts';
import { toOcsf } from '../ocsf/compliance-finding.ts';
import { defineSink, type EventOutcome, SinkError } from '../sink.ts';

const config = z.strictObject({
  /** Base URL of the collector, e.g. https://splunk.example:8088 (a trailing /services/collector… is accepted). */
  url: httpSetting.url,
  /** Target index; the token's default index when omitted. */
  index: z.string().min(1).optional(),
  sourcetype: z.string().min(1).default('periscope:ocsf'),
  source: z.string().min(1).optional(),
  host: z.string().min(1).optional(),
  /** Indexer acknowledgement: delivered only once the indexer confirms. Default false. */
  ack: httpSetting.flag.default(false),
  /** How often to ask for acknowledgements. Default 1 s. */
  ackPollMs: httpSetting.milliseconds.default(1_000),
  /** Give up waiting for acknowledgement after this long (the batch is retried). Default 120 s. */
  ackTimeoutMs: httpSetting.milliseconds.default(120_000),
  /** Connect and response timeout per request. Default 30 s. */
  timeoutMs: httpSetting.milliseconds.default(30_000),
  /** PEM file of a CA to trust for the collector's certificate. */
  caFile: z.string().min(1).optional(),
});

const secrets = z.strictObject({ token: z.string().min(1, 'token is required') });

type HecConfig = z.infer<typeof config>;

/** Vector's HEC sink sends about 1 MB per request; Splunk's own default limit is far larger. */
const MAX_REQUEST_CHARS = 1_000_000;

interface HecReply {
  text?: string;
  code?: number;
  ackId?: number;
  'invalid-event-number'?: number;
}

/** HEC codes that mean this sink's setup is wrong; the batch cannot succeed until it is fixed. */
const configurationCodes: Record<number, { code: string; problem: string }> = {
  1: { code: 'hec_token_disabled', problem: 'the HEC token is disabled' },
  2: { code: 'hec_token_required', problem: 'the request carried no HEC token' },
  3: { code: 'hec_invalid_authorization', problem: 'the authorization header was refused' },
  4: { code: 'hec_invalid_token', problem: 'the HEC token is not valid' },
  7: { code: 'hec_incorrect_index', problem: 'the index is not allowed for this token' },
  10: { code: 'hec_channel_missing', problem: 'the token requires indexer acknowledgement: set ack=true' },
  11: { code: 'hec_invalid_channel', problem: 'the data channel was refused' },
  14: {
    code: 'hec_ack_disabled',
    problem: 'indexer acknowledgement is disabled for this token: set ack=false',
  },
  16: { code: 'hec_query_auth_disabled', problem: 'query-string authorization is not enabled' },
};
const dataErrorCodes = new Set([5, 6, 12, 13]);

function parseReply(text: string): HecReply {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as HecReply) : {};
  } catch {
    return {};
  }
}

/** Everything of an envelope but `time` and `event`, serialised once per client. */
function fixedEnvelopeKeys(c: HecConfig): string {
  const keys: Array<[string, string | undefined]> = [
    ['host', c.host],
    ['source', c.source],
    ['sourcetype', c.sourcetype],
    ['index', c.index],
  ];
  return keys
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `,"${key}":${JSON.stringify(value)}`)
    .join('');
}

function envelope(event: ExportEvent, product: ProductInfo, fixed: string): string {
  const fields = JSON.stringify({
    event_uid: event.uid,
    tenant: event.tenant.slug,
    finding_uid: event.finding.fingerprint,
  });
  const time = (event.at.getTime() / 1000).toFixed(3);
  return `{"time":${time}${fixed},"event":${JSON.stringify(toOcsf(event, product))},"fields":${fields}}`;
}

interface RenderedRequest {
  start: number;
  /** The first event left for the next request. */
  end: number;
  body: string;
}

/** Envelopes from `start` on that fit in one request, joined; `end` is the first event left out. */
function renderRequest(
  events: ExportEvent[],
  start: number,
  product: ProductInfo,
  fixed: string,
): RenderedRequest {
  const parts: string[] = [];
  let size = 0;
  let end = start;
  while (end < events.length) {
    const text = envelope(events[end]!, product, fixed);
    if (end > start && size + text.length > MAX_REQUEST_CHARS) break;
    parts.push(text);
    size += text.length + 1;
    end++;
  }
  return { start, end, body: parts.join('\n') };
}

type PostResult =
  | { accepted: true; ackId?: number }
  | { accepted: false; invalidEvent: number; code: number; text: string };

export default defineSink({
  type: 'splunk-hec',
  title: 'Splunk HTTP Event Collector (OCSF events, optional indexer acknowledgement)',
  config,
  secrets,
  maxBatch: 5_000,
  destinations: (c) => [urlDestination(c.url)],
  open({ config: c, secrets: s, product, guard }) {
    const base = new URL(c.url.replace(/\/services\/collector(\/event(\/1\.0)?)?\/?$/, ''));
    const what = `Splunk HEC at ${base.origin}`;
    const eventPath = joinPath(base, '/services/collector/event');
    const channel = randomUUID();
    const fixed = fixedEnvelopeKeys(c);
    const headers: Record<string, string> = {
      authorization: `Splunk ${s.token}`,
      'content-type': 'application/json',
      ...(c.ack ? { 'x-splunk-request-channel': channel } : {}),
    };
    let dispatcher: Agent | undefined;

    const post = async (path: string, body: string, signal: AbortSignal) => {
      dispatcher ??= createHttpDispatcher({ guard, caFile: c.caFile, timeoutMs: c.timeoutMs });
      try {
        const res = await dispatcher.request({
          origin: base.origin,
          path,
          method: 'POST',
          headers,
          body,
          signal,
        });
        return { status: res.statusCode, headers: res.headers, reply: parseReply(await res.body.text()) };
      } catch (error) {
        throw transportError(error, what, signal);
      }
    };

    const failure = (
      status: number,
      reply: HecReply,
      retryAfter: string | string[] | undefined,
    ): SinkError => {
      const said = reply.text ? ` (HEC code ${reply.code}: "${reply.text}")` : '';
      const known = reply.code === undefined ? undefined : configurationCodes[reply.code];
      if (known)
        return new SinkError('permanent', known.code, `${what} refused the batch: ${known.problem}${said}`);
      if (reply.code === 8 || reply.code === 9 || isRetryableStatus(status)) {
        const code =
          status === 429
            ? 'http_429'
            : reply.code === 9
              ? 'hec_server_busy'
              : reply.code === 8
                ? 'hec_internal_error'
                : `http_${status}`;
        return new SinkError('retryable', code, `${what} answered HTTP ${status}${said}`, {
          retryAfterMs: retryAfterMs(retryAfter),
        });
      }
      if (reply.code !== undefined && dataErrorCodes.has(reply.code)) {
        return new SinkError(
          'permanent',
          `hec_${reply.code}`,
          `${what} rejected the data without naming the event${said}`,
        );
      }
      return new SinkError('permanent', `http_${status}`, `${what} answered HTTP ${status}${said}`);
    };

    const postEvents = async (body: string, signal: AbortSignal): Promise<PostResult> => {
      const { status, headers: h, reply } = await post(eventPath, body, signal);
      if (status === 200 && (reply.code === undefined || reply.code === 0)) {
        if (c.ack && typeof reply.ackId !== 'number') {
          throw new SinkError(
            'permanent',
            'hec_ack_disabled',
            `${what} returned no ackId: indexer acknowledgement is not enabled for this token; set ack=false`,
          );
        }
        return { accepted: true, ackId: reply.ackId };
      }
      const invalid = reply['invalid-event-number'];
      if (
        status === 400 &&
        reply.code !== undefined &&
        dataErrorCodes.has(reply.code) &&
        typeof invalid === 'number'
      ) {
        return { accepted: false, invalidEvent: invalid, code: reply.code, text: reply.text ?? '' };
      }
      throw failure(status, reply, h['retry-after']);
    };

    /** Polls until every id is acknowledged or ackTimeoutMs passed; returns the acknowledged ids. */
    const awaitAcks = async (ids: number[], signal: AbortSignal): Promise<Set<number>> => {
      const acked = new Set<number>();
      const deadline = Date.now() + c.ackTimeoutMs;
      const path = `${joinPath(base, '/services/collector/ack')}?channel=${channel}`;
      while (acked.size < ids.length) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) break;
        try {
          await sleep(Math.min(c.ackPollMs, remaining), undefined, { signal });
        } catch (error) {
          throw transportError(error, what, signal);
        }
        const pending = ids.filter((id) => !acked.has(id));
        const { status, headers: h, reply } = await post(path, JSON.stringify({ acks: pending }), signal);
        if (status !== 200) throw failure(status, reply, h['retry-after']);
        const answers = (reply as { acks?: Record<string, boolean> }).acks ?? {};
        for (const id of pending) if (answers[String(id)] === true) acked.add(id);
      }
      return acked;
    };

    return {
      async deliver(events, signal) {
        if (events.length === 0) return undefined;
        const outcomes: Array<EventOutcome | undefined> = new Array(events.length);
        const awaitingAck: Array<{ ackId: number; start: number; end: number }> = [];
        let firstFailure: SinkError | undefined;
        let stoppedAt = events.length;

        // Requests go one at a time, in order; the next one is rendered while the previous one
        // is on the wire, so the collector parses while we serialise.
        let request: RenderedRequest | undefined = renderRequest(events, 0, product, fixed);
        while (request) {
          const { start, end }: RenderedRequest = request;
          const posting = postEvents(request.body, signal);
          posting.catch(() => {});
          await new Promise((resolve) => setImmediate(resolve));
          request = end < events.length ? renderRequest(events, end, product, fixed) : undefined;
          let result: PostResult;
          try {
            result = await posting;
          } catch (error) {
            firstFailure = error as SinkError;
            stoppedAt = start;
            break;
          }
          if (result.accepted) {
            if (result.ackId !== undefined) awaitingAck.push({ ackId: result.ackId, start, end });
            else outcomes.fill({ status: 'delivered' }, start, end);
            continue;
          }
          // HEC stopped at the bad event: the ones before it are in (unconfirmed when ack is on).
          const bad = Math.min(start + result.invalidEvent, end - 1);
          outcomes.fill(
            c.ack
              ? { status: 'retry', reason: 'not acknowledged: sent in a request HEC refused' }
              : { status: 'delivered' },
            start,
            bad,
          );
          outcomes[bad] = {
            status: 'rejected',
            code: `hec_${result.code}`,
            reason: `HEC refused event ${bad - start} of its request: ${result.text}`,
          };
          stoppedAt = bad + 1;
          break;
        }

        if (awaitingAck.length > 0) {
          const acked = await awaitAcks(
            awaitingAck.map((a) => a.ackId),
            signal,
          );
          for (const { ackId, start, end } of awaitingAck) {
            if (acked.has(ackId)) outcomes.fill({ status: 'delivered' }, start, end);
            else {
              firstFailure ??= new SinkError(
                'retryable',
                'hec_ack_timeout',
                `${what} did not acknowledge indexing within ${c.ackTimeoutMs} ms`,
              );
              outcomes.fill(
                { status: 'retry', reason: `not acknowledged by the indexer within ${c.ackTimeoutMs} ms` },
                start,
                end,
              );
            }
          }
        }
        const notSent = firstFailure
          ? `not sent: ${firstFailure.message}`
          : 'not sent after an earlier event was refused';
        outcomes.fill({ status: 'retry', reason: notSent }, stoppedAt);

        const settled = outcomes as EventOutcome[];
        if (settled.every((o) => o.status === 'delivered')) return undefined;
        if (firstFailure && settled.every((o) => o.status === 'retry')) throw firstFailure;
        return settled;
      },
      async close() {
        const closing = dispatcher;
        dispatcher = undefined;
        await closing?.close();
      },
    };
  },
});
