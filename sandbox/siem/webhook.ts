/**
 * A Standard Webhooks receiver (research/siem.md §4.5): it verifies `webhook-signature` in
 * constant time against its own `whsec_` secret, refuses timestamps outside the tolerance,
 * and dedupes on `webhook-id` (a repeat gets 2xx but is recorded once). The signature check is
 * written here independently of the sink so that tests compare two implementations.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  extendHost,
  type ReceiverHost,
  type ReceiverHostOptions,
  type ReceiverMode,
  sendJson,
  startReceiverHost,
  THROTTLE_RETRY_AFTER_SECONDS,
} from './receiver-host.ts';

export interface WebhookReceiverOptions extends ReceiverHostOptions {
  /** The endpoint secret, `whsec_<base64>`. */
  secret: string;
  /** Accepted clock difference for `webhook-timestamp`. Default 300 s (5 min). */
  toleranceSeconds?: number;
}

export interface WebhookDelivery {
  id: string;
  timestamp: number;
  /** The parsed JSON body. */
  body: unknown;
  contentType: string | undefined;
}

/** Extra modes: `gone` answers 410, `redirect` answers 307 to `/moved`. */
export type WebhookMode = 'gone' | 'redirect';

export interface WebhookReceiver extends ReceiverHost<WebhookMode> {
  /** First deliveries of each `webhook-id`, in arrival order. */
  readonly deliveries: WebhookDelivery[];
  /** Verified requests whose `webhook-id` was already recorded. */
  readonly duplicates: number;
  /** Requests refused with 401 (bad or missing signature, stale timestamp). */
  readonly refused: number;
  /** After `count` more recorded deliveries, switch to `mode` (a failure in the middle of a batch). */
  switchModeAfter(count: number, mode: Exclude<WebhookMode | ReceiverMode, 'down'>): void;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  if (!options.secret.startsWith('whsec_')) throw new Error('webhook receiver secret must start with whsec_');
  const key = Buffer.from(options.secret.slice('whsec_'.length), 'base64');
  const tolerance = options.toleranceSeconds ?? 300;
  const deliveries: WebhookDelivery[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let refused = 0;
  let pendingSwitch: { at: number; mode: Exclude<WebhookMode | ReceiverMode, 'down'> } | undefined;

  /** True when one of the space-separated `v1,<base64>` signatures matches. */
  const signatureMatches = (signatures: string, signedContent: Buffer): boolean => {
    const expected = createHmac('sha256', key).update(signedContent).digest();
    return signatures.split(' ').some((entry) => {
      const [version, encoded] = entry.split(',', 2);
      if (version !== 'v1' || !encoded) return false;
      const given = Buffer.from(encoded, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  };

  const host = await startReceiverHost<WebhookMode>(
    options,
    (req, body, res) => {
      const id = header(req, 'webhook-id');
      const timestampText = header(req, 'webhook-timestamp');
      const signatures = header(req, 'webhook-signature');
      const refuse = (message: string) => {
        refused++;
        sendJson(res, 401, { error: message });
      };
      if (!id || !timestampText || !signatures)
        return refuse('missing webhook-id, webhook-timestamp or webhook-signature');
      if (!/^\d+$/.test(timestampText)) return refuse('webhook-timestamp is not integer seconds');
      const timestamp = Number(timestampText);
      if (Math.abs(Date.now() / 1000 - timestamp) > tolerance)
        return refuse('webhook-timestamp outside the tolerance');
      const signedContent = Buffer.concat([Buffer.from(`${id}.${timestampText}.`), body]);
      if (!signatureMatches(signatures, signedContent)) return refuse('no matching signature');
      if (seen.has(id)) {
        duplicates++;
        return sendJson(res, 200, { ok: true, duplicate: true });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { error: 'body is not JSON' });
      }
      seen.add(id);
      deliveries.push({ id, timestamp, body: parsed, contentType: header(req, 'content-type') });
      sendJson(res, 200, { ok: true });
      if (pendingSwitch && deliveries.length >= pendingSwitch.at) {
        void host.setMode(pendingSwitch.mode);
        pendingSwitch = undefined;
      }
    },
    (mode, res) => {
      if (mode === 'gone') return sendJson(res, 410, { error: 'endpoint gone' });
      if (mode === 'redirect') {
        res.writeHead(307, { location: '/moved', 'content-length': 0 });
        return res.end();
      }
      if (mode === 'busy') return sendJson(res, 503, { error: 'busy' });
      if (mode === 'error') return sendJson(res, 500, { error: 'internal error' });
      sendJson(res, 429, { error: 'slow down' }, { 'retry-after': String(THROTTLE_RETRY_AFTER_SECONDS) });
    },
  );

  return extendHost(host, {
    deliveries,
    get duplicates() {
      return duplicates;
    },
    get refused() {
      return refused;
    },
    switchModeAfter(count: number, mode: Exclude<WebhookMode | ReceiverMode, 'down'>) {
      pendingSwitch = { at: deliveries.length + count, mode };
    },
  });
}
