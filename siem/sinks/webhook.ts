/**
 * HTTPS webhook signed the Standard Webhooks way (research/siem.md §4.5): one POST per event in
 * outbox order, `webhook-id` = the event uid (stable across retries, the receiver's dedupe key),
 * `webhook-signature: v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>` over the exact bytes
 * sent. Redirects are not followed and 410 Gone disables the endpoint, as the spec asks.
 */
import { createHmac } from 'node:crypto';
import type { Agent } from 'undici';
import { z } from 'zod';
import {
  createHttpDispatcher,
  httpSetting,
  isRetryableStatus,
  retryAfterMs,
  transportError,
  urlDestination,
} from '../http-destination.ts';
import { toOcsf } from '../ocsf/compliance-finding.ts';
import { toPlainJson } from '../render/json.ts';
import { defineSink, type EventOutcome, SinkError } from '../sink.ts';

const SECRET_PREFIX = 'whsec_';

/** The HMAC key inside a `whsec_<base64>` secret, or undefined when it is not one (≥ 24 bytes, per the spec). */
export function webhookSigningKey(secret: string): Buffer | undefined {
  if (!secret.startsWith(SECRET_PREFIX)) return undefined;
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return undefined;
  const key = Buffer.from(encoded, 'base64');
  return key.length >= 24 ? key : undefined;
}

/** `v1,<base64 HMAC-SHA256>` over `{id}.{timestamp}.{body}`. */
export function signWebhook(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

const config = z.strictObject({
  url: httpSetting.url,
  /** Per-request timeout; the spec suggests 15–30 s. Default 15 s. */
  timeoutMs: httpSetting.milliseconds.default(15_000),
  /** Body: the OCSF Compliance Finding (default) or Periscope's plain JSON. */
  format: z.enum(['ocsf', 'json']).default('ocsf'),
  /** PEM file of a CA to trust for the endpoint's certificate. */
  caFile: z.string().min(1).optional(),
});

const secrets = z.strictObject({
  secret: z.string().refine((value) => webhookSigningKey(value) !== undefined, {
    message: 'secret must be "whsec_" followed by the base64 of at least 24 random bytes',
  }),
});

export default defineSink({
  type: 'webhook',
  title: 'HTTPS webhook with Standard Webhooks signatures (one event per request)',
  config,
  secrets,
  maxBatch: 100,
  destinations: (c) => [urlDestination(c.url)],
  open({ config: c, secrets: s, product, guard }) {
    const url = new URL(c.url);
    const what = `webhook ${url.origin}${url.pathname}`;
    const key = webhookSigningKey(s.secret);
    const render = c.format === 'json' ? toPlainJson : toOcsf;
    let dispatcher: Agent | undefined;

    const answerFailure = (
      status: number,
      retryAfter: string | string[] | undefined,
    ): SinkError | undefined => {
      if (status >= 200 && status < 300) return undefined;
      if (status >= 300 && status < 400) {
        return new SinkError(
          'permanent',
          'webhook_redirect',
          `${what} answered HTTP ${status} (a redirect); redirects are not followed, so set url to the final address`,
        );
      }
      if (status === 410)
        return new SinkError(
          'permanent',
          'webhook_gone',
          `${what} answered 410 Gone: the endpoint is gone; the sink stays paused until it is updated`,
        );
      if (isRetryableStatus(status)) {
        return new SinkError('retryable', `http_${status}`, `${what} answered HTTP ${status}`, {
          retryAfterMs: retryAfterMs(retryAfter),
        });
      }
      return new SinkError('permanent', `http_${status}`, `${what} answered HTTP ${status}`);
    };

    return {
      async deliver(events, signal) {
        if (!key)
          throw new SinkError('permanent', 'config_invalid', 'webhook secret is not a valid whsec_ secret');
        for (const [i, event] of events.entries()) {
          const body = JSON.stringify(render(event, product));
          const timestamp = Math.floor(Date.now() / 1000);
          let failure: SinkError | undefined;
          try {
            dispatcher ??= createHttpDispatcher({
              guard,
              caFile: c.caFile,
              timeoutMs: c.timeoutMs,
              connections: 1,
            });
            const res = await dispatcher.request({
              origin: url.origin,
              path: `${url.pathname}${url.search}`,
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'webhook-id': event.uid,
                'webhook-timestamp': String(timestamp),
                'webhook-signature': signWebhook(key, event.uid, timestamp, body),
              },
              body,
              signal,
            });
            await res.body.dump();
            failure = answerFailure(res.statusCode, res.headers['retry-after']);
          } catch (error) {
            failure = transportError(error, what, signal);
          }
          if (!failure) continue;
          if (i === 0) throw failure;
          // Keep what went through so the cursor moves; the next call starts at the failed event.
          const delivered: EventOutcome = { status: 'delivered' };
          const retry: EventOutcome = { status: 'retry', reason: failure.message };
          return events.map((_, j) => (j < i ? delivered : retry));
        }
        return undefined;
      },
      async close() {
        const closing = dispatcher;
        dispatcher = undefined;
        await closing?.close();
      },
    };
  },
});
