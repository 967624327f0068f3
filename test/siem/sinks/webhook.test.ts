import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../sandbox/siem/index.ts';
import { toOcsf } from '../../../siem/ocsf/compliance-finding.ts';
import { toPlainJson } from '../../../siem/render/json.ts';
import type { SinkClient } from '../../../siem/sink.ts';
import webhook, { signWebhook, webhookSigningKey } from '../../../siem/sinks/webhook.ts';
import { exportEvents, testProduct } from '../../support/export-events.ts';
import { noAbort, openSink, sinkFailure, writeCaFile } from './http-sink-support.ts';

const secret = `whsec_${Buffer.from('periscope-webhook-test-key-32-by').toString('base64')}`;
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('Standard Webhooks signature', () => {
  it('reproduces the known answer of the Standard Webhooks specification', () => {
    // Vector from the spec (standard-webhooks/standard-webhooks), re-checked with
    // `openssl dgst -sha256 -mac HMAC -binary | base64` over "{id}.{timestamp}.{body}".
    const key = webhookSigningKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')!;
    expect(signWebhook(key, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('accepts only whsec_ secrets of at least 24 bytes, and never echoes them', () => {
    const short = `whsec_${Buffer.alloc(16, 7).toString('base64')}`;
    for (const bad of ['plain-text-secret-that-is-long-enough', short, 'whsec_not base64!!']) {
      const result = webhook.secrets.safeParse({ secret: bad });
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.error)).not.toContain(bad);
      expect(JSON.stringify(result.error)).toMatch(/whsec_/);
    }
    expect(webhook.secrets.safeParse({ secret }).success).toBe(true);
  });
});

describe('webhook sink', () => {
  let receiver: WebhookReceiver;
  const clients: SinkClient[] = [];
  const open = (
    config: Record<string, unknown> = {},
    secrets: Record<string, unknown> = { secret },
    allowPrivate = true,
  ) => {
    const client = openSink(webhook, { url: `${receiver.url}/hooks/periscope`, ...config }, secrets, {
      allowPrivate,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await receiver.setMode('up');
  });
  afterAll(() => receiver.close());

  it('posts one signed OCSF event per request, in order, with webhook-id = event uid', async () => {
    const events = exportEvents(4, 10);
    const before = receiver.deliveries.length;
    await expect(open().deliver(events, noAbort)).resolves.toBeUndefined();
    const got = receiver.deliveries.slice(before);
    expect(got.map((d) => d.id)).toEqual(events.map((e) => e.uid));
    expect(got.map((d) => d.body)).toEqual(events.map((e) => json(toOcsf(e, testProduct))));
    expect(got[0]!.contentType).toBe('application/json');
    expect(Math.abs(got[0]!.timestamp - Date.now() / 1000)).toBeLessThan(300);
  });

  it('sends plain JSON when format=json', async () => {
    const [event] = exportEvents(1, 20);
    await open({ format: 'json' }).deliver([event!], noAbort);
    expect(receiver.deliveries.at(-1)!.body).toEqual(json(toPlainJson(event!, testProduct)));
  });

  it('a re-send keeps its webhook-id, so the receiver records it once', async () => {
    const events = exportEvents(2, 30);
    const client = open();
    await client.deliver(events, noAbort);
    const recorded = receiver.deliveries.length;
    const duplicates = receiver.duplicates;
    await expect(client.deliver(events, noAbort)).resolves.toBeUndefined();
    expect(receiver.deliveries.length).toBe(recorded);
    expect(receiver.duplicates - duplicates).toBe(2);
  });

  it('a signature made with another secret is refused (401, permanent) and no secret leaks', async () => {
    const other = `whsec_${Buffer.from('another-endpoint-secret-of-32-b!').toString('base64')}`;
    const refused = receiver.refused;
    const error = await sinkFailure(open({}, { secret: other }).deliver(exportEvents(1, 40), noAbort), [
      other,
      secret,
    ]);
    expect(error).toMatchObject({ kind: 'permanent', code: 'http_401' });
    expect(receiver.refused).toBe(refused + 1);
  });

  it('410 Gone is permanent: the endpoint is gone', async () => {
    await receiver.setMode('gone');
    const error = await sinkFailure(open().deliver(exportEvents(2, 50), noAbort), [secret]);
    expect(error).toMatchObject({ kind: 'permanent', code: 'webhook_gone' });
    expect(error.message).toMatch(/gone/);
  });

  it('does not follow a redirect', async () => {
    await receiver.setMode('redirect');
    const before = receiver.requests;
    const error = await sinkFailure(open().deliver(exportEvents(1, 60), noAbort), [secret]);
    expect(error).toMatchObject({ kind: 'permanent', code: 'webhook_redirect' });
    expect(receiver.requests).toBe(before + 1);
  });

  it.each([
    ['busy', 'http_503', undefined],
    ['error', 'http_500', undefined],
    ['throttled', 'http_429', 7_000],
  ] as const)('%s on the first event is a retryable batch failure', async (mode, code, retryAfterMs) => {
    await receiver.setMode(mode);
    const error = await sinkFailure(open().deliver(exportEvents(2, 70), noAbort), [secret]);
    expect(error).toMatchObject({ kind: 'retryable', code, retryAfterMs });
  });

  it('after a failure mid-batch, reports the delivered events and retries the rest', async () => {
    const events = exportEvents(5, 80);
    const client = open();
    receiver.switchModeAfter(2, 'busy');
    const outcomes = await client.deliver(events, noAbort);
    expect(outcomes?.map((o) => o.status)).toEqual(['delivered', 'delivered', 'retry', 'retry', 'retry']);
    expect(outcomes?.[2]).toMatchObject({ reason: expect.stringContaining('503') });
    await receiver.setMode('up');
    await expect(client.deliver(events.slice(2), noAbort)).resolves.toBeUndefined();
    expect(receiver.deliveries.slice(-5).map((d) => d.id)).toEqual(events.map((e) => e.uid));
  });

  it('times out, survives refused connections, and honours abort', async () => {
    await receiver.setMode('hang');
    expect(await sinkFailure(open({ timeoutMs: '300' }).deliver(exportEvents(1, 90), noAbort))).toMatchObject(
      {
        kind: 'retryable',
        code: 'timeout',
      },
    );

    const before = receiver.requests;
    const controller = new AbortController();
    const delivery = open().deliver(exportEvents(1, 91), controller.signal);
    await vi.waitFor(() => expect(receiver.requests).toBeGreaterThan(before));
    controller.abort();
    expect(await sinkFailure(delivery)).toMatchObject({ kind: 'retryable', code: 'aborted' });

    await receiver.setMode('down');
    expect(await sinkFailure(open().deliver(exportEvents(1, 92), noAbort))).toMatchObject({
      kind: 'retryable',
      code: 'connect_refused',
    });
  });

  it('trusts the endpoint certificate through caFile', async () => {
    const tls = await startWebhookReceiver({ https: true, secret });
    try {
      const client = openSink(webhook, { url: `${tls.url}/in`, caFile: writeCaFile(tls.caPem!) }, { secret });
      await expect(client.deliver(exportEvents(2, 100), noAbort)).resolves.toBeUndefined();
      await client.close();
      expect(tls.deliveries).toHaveLength(2);
    } finally {
      await tls.close();
    }
  });

  it('refuses a loopback endpoint when private sinks are not allowed', async () => {
    const before = receiver.requests;
    const error = await sinkFailure(open({}, { secret }, false).deliver(exportEvents(1, 110), noAbort), [
      secret,
    ]);
    expect(error).toMatchObject({ kind: 'permanent', code: 'config_invalid' });
    expect(receiver.requests).toBe(before);
  });
});
