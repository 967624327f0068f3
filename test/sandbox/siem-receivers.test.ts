import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ElasticReceiver,
  type HecReceiver,
  scanHecEnvelopes,
  startElasticReceiver,
  startHecReceiver,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../sandbox/siem/index.ts';

/** The JSON answers these receivers give: HEC `{text, code}`, ES `{error}` / `{errors, items}`. */
interface ReceiverAnswer {
  text?: string;
  code?: number;
  error: { type: string; reason: string };
  errors?: boolean;
  items: Array<Record<string, { status: number; error?: { type: string; reason: string } }>>;
  acks?: Record<string, boolean>;
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers }).then(async (res) => ({
    status: res.status,
    body: (await res.json()) as ReceiverAnswer,
  }));

describe('HEC envelope scanner', () => {
  it('splits concatenated envelopes and ignores braces, quotes and backslashes inside strings', () => {
    const tricky = { event: { text: 'a } { "quoted" \\ back\\"slash', nested: [{ x: '}' }] } };
    const body = `${JSON.stringify(tricky)}{"event":"two"}\n  {"event":{"n":3}}`;
    const scanned = scanHecEnvelopes(body);
    expect(scanned).toEqual({ envelopes: [tricky, { event: 'two' }, { event: { n: 3 } }] });
  });

  it.each([
    ['an array', '[{"event":1}]', 0, 6],
    ['broken JSON after a good envelope', '{"event":1}{"event":', 1, 6],
    ['garbage between envelopes', '{"event":1} x {"event":2}', 1, 6],
    ['a missing event', '{"event":1}{"time":2}', 1, 12],
    ['a blank event', '{"event":1}{"event":"  "}', 1, 13],
    ['no data', '  \n', 0, 5],
  ])('%s stops at the bad envelope with its HEC code', (_, body, kept, code) => {
    const scanned = scanHecEnvelopes(body);
    expect(scanned.envelopes).toHaveLength(kept);
    expect(scanned).toMatchObject({ code });
  });
});

describe('HEC receiver', () => {
  const token = '00000000-0000-4000-8000-00000000000a';
  const ackToken = '00000000-0000-4000-8000-00000000000b';
  const channel = '2b7a1a4c-3f0e-4d5b-9a63-5a0a1c2b3d4e';
  let hec: HecReceiver;
  const event = (path = '/services/collector/event') => `${hec.url}${path}`;

  beforeAll(async () => {
    hec = await startHecReceiver({
      tokens: [
        { token, indexes: ['main'] },
        { token: ackToken, ack: true },
        { token: 'off', disabled: true },
      ],
    });
  });
  afterAll(() => hec.close());

  it.each([
    [{}, 401, 2],
    [{ authorization: 'Basic dXNlcjpwYXNz' }, 401, 3],
    [{ authorization: 'Splunk wrong' }, 403, 4],
    [{ authorization: 'Splunk off' }, 403, 1],
  ])('answers auth problems with HEC codes (%o)', async (headers, status, code) => {
    expect(await post(event(), '{"event":1}', headers)).toEqual({
      status,
      body: { text: expect.any(String), code },
    });
  });

  it('keeps events before a bad one and reports invalid-event-number', async () => {
    hec.reset();
    const res = await post(
      event('/services/collector/event/1.0'),
      '{"event":1}{"event":2}{"event":""}{"event":4}',
      {
        authorization: `Splunk ${token}`,
      },
    );
    expect(res).toEqual({
      status: 400,
      body: { text: 'Event field cannot be blank', code: 13, 'invalid-event-number': 2 },
    });
    expect(hec.events.map((e) => e.envelope.event)).toEqual([1, 2]);
  });

  it('refuses a whole request with a forbidden index (code 7)', async () => {
    hec.reset();
    const res = await post(event(), '{"event":1}{"event":2,"index":"hr"}', {
      authorization: `Splunk ${token}`,
    });
    expect(res.body).toMatchObject({ code: 7, text: 'Incorrect index' });
    expect(hec.eventCount).toBe(0);
  });

  it('runs indexer acknowledgement over a channel', async () => {
    const auth = { authorization: `Splunk ${ackToken}` };
    expect((await post(event(), '{"event":1}', auth)).body).toMatchObject({ code: 10 });
    expect(
      (await post(event(), '{"event":1}', { ...auth, 'x-splunk-request-channel': 'nope' })).body,
    ).toMatchObject({ code: 11 });
    const sent = await post(`${event()}?channel=${channel}`, '{"event":1}', auth);
    expect(sent).toEqual({ status: 200, body: { text: 'Success', code: 0, ackId: 0 } });
    const ack = `${hec.url}/services/collector/ack?channel=${channel}`;
    expect((await post(ack, '{"acks":[0,7]}', auth)).body).toEqual({ acks: { 0: true, 7: false } });
    expect((await post(ack, '{"acks":[0]}', auth)).body).toEqual({ acks: { 0: false } }); // reported once
    expect((await post(ack, '{"acks":[0]}', { authorization: `Splunk ${token}` })).body).toMatchObject({
      code: 14,
    });
  });

  it('answers health, and goes down and comes back on the same URL', async () => {
    const health = await fetch(`${hec.url}/services/collector/health`).then((r) => r.json());
    expect(health).toEqual({ text: 'HEC is healthy', code: 17 });
    await hec.setMode('down');
    await expect(fetch(`${hec.url}/services/collector/health`)).rejects.toThrow();
    await hec.setMode('busy');
    expect((await post(event(), '{"event":1}', { authorization: `Splunk ${token}` })).body).toEqual({
      text: 'Server is busy',
      code: 9,
    });
    await hec.setMode('up');
    expect((await post(event(), '{"event":1}', { authorization: `Splunk ${token}` })).status).toBe(200);
  });
});

describe('Elastic _bulk receiver', () => {
  let es: ElasticReceiver;
  const auth = { authorization: 'ApiKey k1', 'content-type': 'application/x-ndjson' };
  beforeAll(async () => {
    es = await startElasticReceiver({ apiKeys: ['k1'] });
  });
  afterAll(() => es.close());

  it('needs credentials and a trailing newline', async () => {
    const unauthenticated = await post(`${es.url}/_bulk`, '{"create":{"_index":"a"}}\n{}\n');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.error.type).toBe('security_exception');
    const unterminated = await post(`${es.url}/_bulk`, '{"create":{"_index":"a"}}\n{}', auth);
    expect(unterminated.status).toBe(400);
    expect(unterminated.body.error.type).toBe('illegal_argument_exception');
  });

  it('conflicts on an existing _id, takes only create into data streams, and uses the path index', async () => {
    const body = [
      '{"create":{"_index":"logs-x-default","_id":"1"}}',
      '{"n":1}',
      '{"create":{"_index":"logs-x-default","_id":"1"}}',
      '{"n":2}',
      '{"index":{"_index":"logs-x-default","_id":"2"}}',
      '{"n":3}',
      '{"create":{"_id":"3"}}',
      '{"n":4}',
      '',
    ].join('\n');
    const res = await post(`${es.url}/plain-index/_bulk`, body, auth);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBe(true);
    const items = res.body.items.map((i) => Object.values(i)[0]!);
    expect(items.map((i) => i.status)).toEqual([201, 409, 400, 201]);
    expect(items[1]!.error?.type).toBe('version_conflict_engine_exception');
    expect(items[2]!.error?.reason).toMatch(
      /only write ops with an op_type of create are allowed in data streams/,
    );
    expect(es.get('logs-x-default', '1')).toEqual({ n: 1 });
    expect(es.get('plain-index', '3')).toEqual({ n: 4 });
  });
});

describe('Standard Webhooks receiver', () => {
  const key = Buffer.alloc(32, 9);
  const secret = `whsec_${key.toString('base64')}`;
  let hook: WebhookReceiver;
  const sign = (id: string, ts: number, body: string) =>
    `v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`;
  const send = (id: string, ts: number, body: string, signature = sign(id, ts, body)) =>
    fetch(hook.url, {
      method: 'POST',
      body,
      headers: { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature },
    }).then((r) => r.status);

  beforeAll(async () => {
    hook = await startWebhookReceiver({ secret });
  });
  afterAll(() => hook.close());

  it('verifies signatures and timestamps, and records a repeated id once', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await send('msg_1', now, '{"a":1}')).toBe(200);
    expect(await send('msg_1', now, '{"a":1}')).toBe(200);
    expect(await send('msg_2', now, '{"a":2}', `v1,bm90LWl0 ${sign('msg_2', now, '{"a":2}')}`)).toBe(200);
    expect(await send('msg_3', now, '{"a":3}', sign('msg_3', now, '{"a":"tampered"}'))).toBe(401);
    expect(await send('msg_4', now - 301, '{"a":4}')).toBe(401);
    expect(await send('msg_5', now, '{"a":5}', '')).toBe(401);
    expect(hook.deliveries.map((d) => d.id)).toEqual(['msg_1', 'msg_2']);
    expect(hook.duplicates).toBe(1);
    expect(hook.refused).toBe(3);
  });
});
