import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type HecReceiver, startHecReceiver } from '../../../sandbox/siem/index.ts';
import { toOcsf } from '../../../siem/ocsf/compliance-finding.ts';
import type { SinkClient } from '../../../siem/sink.ts';
import hec from '../../../siem/sinks/splunk-hec.ts';
import { exportEvents, testProduct } from '../../support/export-events.ts';
import { noAbort, openSink, sinkFailure, writeCaFile } from './http-sink-support.ts';

const token = 'c0ffee00-1234-4abc-8def-0123456789ab';
const ackToken = 'ac000000-1234-4abc-8def-0123456789ab';
const disabledToken = 'd1500000-1234-4abc-8def-0123456789ab';

describe('Splunk HEC sink', () => {
  let receiver: HecReceiver;
  const clients: SinkClient[] = [];
  const open = (
    config: Record<string, unknown> = {},
    secrets: Record<string, unknown> = { token },
    allowPrivate = true,
  ) => {
    const client = openSink(hec, { url: receiver.url, ...config }, secrets, { allowPrivate });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    receiver = await startHecReceiver({
      tokens: [
        { token, indexes: ['security', 'main'] },
        { token: ackToken, ack: true },
        { token: disabledToken, disabled: true },
      ],
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await receiver.setMode('up');
    receiver.setIndexing('immediate');
    receiver.rejectEnvelopes(undefined);
    receiver.reset();
  });
  afterAll(() => receiver.close());

  it('sends concatenated envelopes with OCSF events, time in seconds and the dedupe fields, in order', async () => {
    const events = exportEvents(9);
    const client = open({ index: 'security', source: 'periscope', host: 'scanner-1' });
    await expect(client.deliver(events, noAbort)).resolves.toBeUndefined();

    expect(receiver.events.map((e) => e.envelope.fields?.event_uid)).toEqual(events.map((e) => e.uid));
    const first = receiver.events[0]!.envelope;
    expect(first).toEqual({
      time: events[0]!.at.getTime() / 1000,
      host: 'scanner-1',
      source: 'periscope',
      sourcetype: 'periscope:ocsf',
      index: 'security',
      event: JSON.parse(JSON.stringify(toOcsf(events[0]!, testProduct))),
      fields: { event_uid: events[0]!.uid, tenant: 'acme', finding_uid: events[0]!.finding.fingerprint },
    });
    expect(receiver.events[0]!.token).toBe(token);
  });

  it('keeps the millisecond fraction of the event time', async () => {
    const [event] = exportEvents(1);
    event!.at = new Date('2026-11-20T10:00:00.123Z');
    await open().deliver([event!], noAbort);
    expect(receiver.events[0]!.envelope.time).toBe(1795168800.123);
  });

  it('parses config strictly and coerces string values', () => {
    const parsed = hec.config.parse({ url: 'https://splunk.example:8088', ack: 'true', ackPollMs: '250' });
    expect(parsed).toMatchObject({
      ack: true,
      ackPollMs: 250,
      sourcetype: 'periscope:ocsf',
      timeoutMs: 30_000,
    });
    expect(() => hec.config.parse({ url: 'https://splunk.example:8088', colour: 'red' })).toThrow(/colour/);
    expect(() => hec.config.parse({ url: 'ftp://splunk.example' })).toThrow(/http/);
    expect(() => hec.secrets.parse({})).toThrow(/token/);
    expect(hec.destinations(parsed)).toEqual([{ host: 'splunk.example', port: 8088 }]);
  });

  it('splits a large batch into ~1 MB requests and delivers all of it in order', async () => {
    const events = exportEvents(1_500);
    await expect(open().deliver(events, noAbort)).resolves.toBeUndefined();
    expect(receiver.requests).toBeGreaterThan(1);
    expect(receiver.events.map((e) => e.envelope.fields?.event_uid)).toEqual(events.map((e) => e.uid));
  });

  describe('credentials and configuration errors are permanent and never show the token', () => {
    it.each([
      ['an unknown token', { token: 'ffffffff-0000-4000-8000-000000000000' }, {}, 'hec_invalid_token', 0],
      ['a disabled token', { token: disabledToken }, {}, 'hec_token_disabled', 0],
      ['an index the token may not write', { token }, { index: 'finance' }, 'hec_incorrect_index', 0],
      ['an ack token without ack', { token: ackToken }, {}, 'hec_channel_missing', 0],
      // HEC accepts the data but hands out no ackId, so nothing can be confirmed.
      ['ack on a token without ack', { token }, { ack: 'true' }, 'hec_ack_disabled', 2],
    ])('%s', async (_, secrets, config, code, accepted) => {
      const error = await sinkFailure(open(config, secrets).deliver(exportEvents(2), noAbort), [
        secrets.token,
      ]);
      expect(error).toMatchObject({ kind: 'permanent', code });
      expect(error.message).toMatch(/Splunk HEC at http:\/\/127\.0\.0\.1/);
      expect(receiver.eventCount).toBe(accepted);
    });
  });

  describe('server trouble is retryable', () => {
    it.each([
      ['busy', 'hec_server_busy', undefined],
      ['error', 'hec_internal_error', undefined],
      ['throttled', 'http_429', 7_000],
    ] as const)('%s', async (mode, code, retryAfterMs) => {
      await receiver.setMode(mode);
      const error = await sinkFailure(open().deliver(exportEvents(3), noAbort), [token]);
      expect(error).toMatchObject({ kind: 'retryable', code, retryAfterMs });
    });

    it('a collector that never answers times out', async () => {
      await receiver.setMode('hang');
      const error = await sinkFailure(open({ timeoutMs: '300' }).deliver(exportEvents(3), noAbort), [token]);
      expect(error).toMatchObject({ kind: 'retryable', code: 'timeout' });
    });

    it('refused connections, then the same client delivers once the collector is back', async () => {
      const client = open();
      await client.deliver(exportEvents(1), noAbort); // a kept-alive connection exists
      await receiver.setMode('down');
      const error = await sinkFailure(client.deliver(exportEvents(2), noAbort), [token]);
      expect(error).toMatchObject({ kind: 'retryable' });
      expect(['connect_refused', 'connection_reset']).toContain(error.code);
      await receiver.setMode('up');
      await expect(client.deliver(exportEvents(2), noAbort)).resolves.toBeUndefined();
    });
  });

  describe('a data error at invalid-event-number', () => {
    it('delivers the events before it, rejects that event and retries the rest', async () => {
      const events = exportEvents(10);
      receiver.rejectEnvelopes((e) => e.fields?.event_uid === events[4]!.uid, 6);
      const outcomes = await open().deliver(events, noAbort);
      expect(outcomes?.map((o) => o.status)).toEqual([
        ...Array(4).fill('delivered'),
        'rejected',
        ...Array(5).fill('retry'),
      ]);
      expect(outcomes?.[4]).toMatchObject({
        code: 'hec_6',
        reason: expect.stringContaining('Invalid data format'),
      });
      expect(receiver.events.map((e) => e.envelope.fields?.event_uid)).toEqual(
        events.slice(0, 4).map((e) => e.uid),
      );
    });

    it('counts earlier requests of the batch as delivered and stops sending', async () => {
      const events = exportEvents(1_500);
      receiver.rejectEnvelopes((e) => e.fields?.event_uid === events[1_200]!.uid, 13);
      const outcomes = await open().deliver(events, noAbort);
      expect(outcomes?.slice(0, 1_200).every((o) => o.status === 'delivered')).toBe(true);
      expect(outcomes?.[1_200]).toMatchObject({ status: 'rejected', code: 'hec_13' });
      expect(outcomes?.slice(1_201).every((o) => o.status === 'retry')).toBe(true);
      expect(receiver.eventCount).toBe(1_200);
    });
  });

  describe('indexer acknowledgement', () => {
    it('sends a channel and counts the batch delivered once the indexer acknowledged it', async () => {
      const events = exportEvents(1_500);
      await expect(
        open({ ack: 'true', ackPollMs: '10' }, { token: ackToken }).deliver(events, noAbort),
      ).resolves.toBeUndefined();
      expect(receiver.eventCount).toBe(1_500);
      expect(receiver.events[0]!.channel).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('is retryable when acknowledgement does not come within ackTimeoutMs', async () => {
      receiver.setIndexing('stalled');
      const client = open({ ack: 'true', ackPollMs: '10', ackTimeoutMs: '60' }, { token: ackToken });
      const error = await sinkFailure(client.deliver(exportEvents(3), noAbort), [ackToken]);
      expect(error).toMatchObject({ kind: 'retryable', code: 'hec_ack_timeout' });
    });
  });

  it('trusts the collector’s certificate through caFile, and refuses it without', async () => {
    const tls = await startHecReceiver({ https: true, tokens: [{ token }] });
    try {
      const trusted = openSink(hec, { url: tls.url, caFile: writeCaFile(tls.caPem!) }, { token });
      await expect(trusted.deliver(exportEvents(2), noAbort)).resolves.toBeUndefined();
      await trusted.close();
      expect(tls.eventCount).toBe(2);
      const untrusted = openSink(hec, { url: tls.url }, { token });
      const error = await sinkFailure(untrusted.deliver(exportEvents(2), noAbort), [token]);
      expect(error).toMatchObject({ kind: 'permanent', code: 'tls_untrusted' });
      await untrusted.close();
    } finally {
      await tls.close();
    }
  });

  it.each(['127.0.0.1', 'localhost'])(
    'refuses a loopback destination (%s) when private sinks are not allowed',
    async (host) => {
      const url = receiver.url.replace('127.0.0.1', host);
      const requestsBefore = receiver.requests;
      const error = await sinkFailure(open({ url }, { token }, false).deliver(exportEvents(1), noAbort), [
        token,
      ]);
      expect(error).toMatchObject({ kind: 'permanent', code: 'config_invalid' });
      expect(error.message).toMatch(/PERISCOPE_ALLOW_PRIVATE_SINKS/);
      expect(receiver.requests).toBe(requestsBefore);
    },
  );

  it('stops when the signal aborts, as a retryable failure', async () => {
    await receiver.setMode('hang');
    const requestsBefore = receiver.requests;
    const controller = new AbortController();
    const delivery = open().deliver(exportEvents(2), controller.signal);
    await vi.waitFor(() => expect(receiver.requests).toBeGreaterThan(requestsBefore));
    controller.abort();
    const error = await sinkFailure(delivery, [token]);
    expect(error).toMatchObject({ kind: 'retryable', code: 'aborted' });
  });
});
