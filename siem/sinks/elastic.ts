/**
 * Elasticsearch `_bulk`: ECS documents written with `create` into a data stream, `_id` = the
 * event uid, so a re-send is a per-item 409 that we count as delivered (research/siem.md §4.1).
 * Items are classified one by one: 429/5xx are retried, other 4xx are rejected with the item's
 * error; only a whole-request failure throws.
 */
import type { Agent } from 'undici';
import { z } from 'zod';
import {
  createHttpDispatcher,
  httpSetting,
  isRetryableStatus,
  joinPath,
  retryAfterMs,
  transportError,
  urlDestination,
} from '../http-destination.ts';
import { toEcs } from '../render/ecs.ts';
import { defineSink, type EventOutcome, SinkError } from '../sink.ts';

const config = z.strictObject({
  /** Base URL of the cluster, e.g. https://es.example:9200 (a path prefix behind a proxy is kept). */
  url: httpSetting.url,
  /** Data stream (or index) to write. Default `logs-periscope.findings-default`. */
  index: z.string().min(1).default('logs-periscope.findings-default'),
  /** Ingest pipeline to run the documents through. */
  pipeline: z.string().min(1).optional(),
  /** Connect and response timeout. Default 30 s. */
  timeoutMs: httpSetting.milliseconds.default(30_000),
  /** PEM file of a CA to trust for the cluster's certificate. */
  caFile: z.string().min(1).optional(),
});

const secrets = z
  .strictObject({
    /** The encoded API key (base64 of `id:key`), sent as `Authorization: ApiKey <apiKey>`. */
    apiKey: z.string().min(1).optional(),
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
  })
  .superRefine((s, ctx) => {
    const basic = s.username !== undefined || s.password !== undefined;
    if (s.apiKey !== undefined && basic) {
      ctx.addIssue({ code: 'custom', message: 'give either apiKey or username+password, not both' });
    } else if (s.apiKey === undefined && !basic) {
      ctx.addIssue({ code: 'custom', message: 'credentials are required: apiKey, or username and password' });
    } else if (basic && (s.username === undefined || s.password === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'basic authentication needs both username and password' });
    }
  });

type ElasticSecrets = z.infer<typeof secrets>;

interface BulkItemResult {
  status?: number;
  error?: { type?: string; reason?: string };
}

interface EsErrorBody {
  error?: { type?: string; reason?: string; root_cause?: Array<{ type?: string; reason?: string }> } | string;
  items?: Array<Record<string, BulkItemResult>>;
  errors?: boolean;
}

function authorization(s: ElasticSecrets): string {
  if (s.apiKey !== undefined) return `ApiKey ${s.apiKey}`;
  return `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}`;
}

function describeError(body: EsErrorBody): string {
  const error = body.error;
  if (!error) return '';
  if (typeof error === 'string') return `: ${error}`;
  return `: ${error.type ?? 'error'}: ${error.reason ?? error.root_cause?.[0]?.reason ?? ''}`.replace(
    /: $/,
    '',
  );
}

function itemOutcome(item: BulkItemResult | undefined): EventOutcome {
  const status = item?.status;
  if (status === undefined)
    return { status: 'retry', reason: 'no result for this item in the bulk response' };
  if (status === 200 || status === 201) return { status: 'delivered' };
  // create with an _id that exists: this event was written by an earlier attempt.
  if (status === 409) return { status: 'delivered' };
  const type = item?.error?.type ?? `http_${status}`;
  const reason = item?.error?.reason ?? `item status ${status}`;
  if (isRetryableStatus(status)) return { status: 'retry', reason: `${type}: ${reason}` };
  return { status: 'rejected', code: type, reason };
}

export default defineSink({
  type: 'elastic',
  title: 'Elasticsearch _bulk into a data stream (ECS documents, _id = event id)',
  config,
  secrets,
  maxBatch: 1_000,
  destinations: (c) => [urlDestination(c.url)],
  open({ config: c, secrets: s, product, guard }) {
    const base = new URL(c.url);
    const what = `Elasticsearch at ${base.origin}`;
    const path = `${joinPath(base, '/_bulk')}${c.pipeline ? `?pipeline=${encodeURIComponent(c.pipeline)}` : ''}`;
    const headers = { authorization: authorization(s), 'content-type': 'application/x-ndjson' };
    const indexJson = JSON.stringify(c.index);
    let dispatcher: Agent | undefined;

    const requestFailure = (
      status: number,
      body: EsErrorBody,
      retryAfter: string | string[] | undefined,
    ): SinkError => {
      const said = describeError(body);
      if (status === 401 || status === 403) {
        return new SinkError(
          'permanent',
          status === 401 ? 'elastic_unauthorized' : 'elastic_forbidden',
          `${what} refused the credentials (HTTP ${status}${said})`,
        );
      }
      if (status === 413) {
        return new SinkError(
          'permanent',
          'elastic_request_too_large',
          `${what} refused the bulk request as too large (HTTP 413); lower the batch size or raise http.max_content_length`,
        );
      }
      if (isRetryableStatus(status)) {
        return new SinkError('retryable', `http_${status}`, `${what} answered HTTP ${status}${said}`, {
          retryAfterMs: retryAfterMs(retryAfter),
        });
      }
      return new SinkError('permanent', `http_${status}`, `${what} answered HTTP ${status}${said}`);
    };

    return {
      async deliver(events, signal) {
        if (events.length === 0) return undefined;
        const lines = events.map(
          (event) =>
            `{"create":{"_index":${indexJson},"_id":${JSON.stringify(event.uid)}}}\n${JSON.stringify(toEcs(event, product))}\n`,
        );
        let status: number;
        let body: EsErrorBody;
        let retryAfter: string | string[] | undefined;
        try {
          dispatcher ??= createHttpDispatcher({ guard, caFile: c.caFile, timeoutMs: c.timeoutMs });
          const res = await dispatcher.request({
            origin: base.origin,
            path,
            method: 'POST',
            headers,
            body: lines.join(''),
            signal,
          });
          status = res.statusCode;
          retryAfter = res.headers['retry-after'];
          const text = await res.body.text();
          try {
            body = JSON.parse(text) as EsErrorBody;
          } catch {
            body = {};
          }
        } catch (error) {
          throw transportError(error, what, signal);
        }
        if (status !== 200) throw requestFailure(status, body, retryAfter);
        if (!Array.isArray(body.items)) {
          throw new SinkError('retryable', 'elastic_bad_response', `${what} answered 200 without bulk items`);
        }
        if (body.errors === false && body.items.length === events.length) return undefined;
        const outcomes = events.map((_, i) => itemOutcome(body.items?.[i]?.create));
        if (outcomes.every((o) => o.status === 'delivered')) return undefined;
        const first = outcomes[0];
        if (first?.status === 'retry' && outcomes.every((o) => o.status === 'retry')) {
          // Nothing moved: a whole-batch error lets the drain back off instead of spinning.
          throw new SinkError(
            'retryable',
            'elastic_items_retryable',
            `${what} refused every item for now: ${first.reason}`,
          );
        }
        return outcomes;
      },
      async close() {
        const closing = dispatcher;
        dispatcher = undefined;
        await closing?.close();
      },
    };
  },
});
