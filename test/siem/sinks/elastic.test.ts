import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ElasticReceiver, startElasticReceiver } from '../../../sandbox/siem/index.ts';
import { toEcs } from '../../../siem/render/ecs.ts';
import type { SinkClient } from '../../../siem/sink.ts';
import elastic from '../../../siem/sinks/elastic.ts';
import { exportEvents, testProduct } from '../../support/export-events.ts';
import { noAbort, openSink, sinkFailure, writeCaFile } from './http-sink-support.ts';

const apiKey = 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==';
const user = { username: 'periscope', password: 'correct horse battery staple' };
const dataStream = 'logs-periscope.findings-default';

describe('Elastic _bulk sink', () => {
  let receiver: ElasticReceiver;
  const clients: SinkClient[] = [];
  const open = (
    config: Record<string, unknown> = {},
    secrets: Record<string, unknown> = { apiKey },
    allowPrivate = true,
  ) => {
    const client = openSink(elastic, { url: receiver.url, ...config }, secrets, { allowPrivate });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    receiver = await startElasticReceiver({ apiKeys: [apiKey], users: [user], maxContentLength: 200_000 });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await receiver.setMode('up');
    receiver.rejectDocuments(undefined);
    receiver.throttleNextItems(0);
  });
  afterAll(() => receiver.close());

  it('creates ECS documents in the data stream with _id = event uid, as NDJSON with ApiKey auth', async () => {
    const events = exportEvents(5, 100);
    await expect(open().deliver(events, noAbort)).resolves.toBeUndefined();
    for (const event of events) {
      expect(receiver.get(dataStream, event.uid)).toEqual(
        JSON.parse(JSON.stringify(toEcs(event, testProduct))),
      );
    }
    expect(receiver.lastRequest).toMatchObject({
      contentType: 'application/x-ndjson',
      authorization: `ApiKey ${apiKey}`,
    });
    expect(receiver.documents.slice(-5).map((d) => d.id)).toEqual(events.map((e) => e.uid));
  });

  it('uses Basic auth, a custom index and the ingest pipeline when configured', async () => {
    const events = exportEvents(2, 200);
    await open({ index: 'posture-findings', pipeline: 'periscope-enrich' }, user).deliver(events, noAbort);
    expect(receiver.get('posture-findings', events[0]!.uid)).toBeDefined();
    expect(receiver.lastRequest?.query).toBe('?pipeline=periscope-enrich');
    expect(receiver.lastRequest?.authorization).toMatch(/^Basic /);
  });

  it('requires exactly one way to authenticate, without echoing the secrets', () => {
    const problems = (secrets: Record<string, unknown>) => {
      const result = elastic.secrets.safeParse(secrets);
      expect(result.success).toBe(false);
      const text = JSON.stringify(result.error);
      expect(text).not.toContain(apiKey);
      expect(text).not.toContain(user.password);
      return text;
    };
    expect(problems({})).toMatch(/apiKey, or username and password/);
    expect(problems({ apiKey, ...user })).toMatch(/not both/);
    expect(problems({ username: 'periscope' })).toMatch(/both username and password/);
    expect(() => elastic.config.parse({ url: receiver.url, shards: '3' })).toThrow(/shards/);
  });

  it('counts a re-sent batch as delivered (409 version conflicts) without duplicating documents', async () => {
    const events = exportEvents(4, 300);
    const client = open();
    await client.deliver(events, noAbort);
    const stored = receiver.documents.length;
    const conflicts = receiver.conflicts;
    await expect(client.deliver(events, noAbort)).resolves.toBeUndefined();
    expect(receiver.documents.length).toBe(stored);
    expect(receiver.conflicts - conflicts).toBe(4);
  });

  it('rejects items refused for their content and retries throttled items', async () => {
    const events = exportEvents(6, 400);
    receiver.throttleNextItems(1);
    receiver.rejectDocuments((doc) => (doc.event as { id?: string }).id === events[3]!.uid);
    const outcomes = await open().deliver(events, noAbort);
    expect(outcomes).toEqual([
      { status: 'retry', reason: expect.stringContaining('es_rejected_execution_exception') },
      { status: 'delivered' },
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'document_parsing_exception',
        reason: expect.stringContaining('failed to parse'),
      },
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
    expect(receiver.get(dataStream, events[3]!.uid)).toBeUndefined();
  });

  it('backs off as a whole when every item is throttled', async () => {
    receiver.throttleNextItems(3);
    const error = await sinkFailure(open().deliver(exportEvents(3, 500), noAbort));
    expect(error).toMatchObject({ kind: 'retryable', code: 'elastic_items_retryable' });
  });

  it('refused credentials are permanent and the message carries no secret', async () => {
    const wrongKey = 'd3Jvbmc6a2V5LXRoYXQtZG9lcy1ub3Qtd29yaw==';
    const error = await sinkFailure(open({}, { apiKey: wrongKey }).deliver(exportEvents(1, 600), noAbort), [
      wrongKey,
    ]);
    expect(error).toMatchObject({ kind: 'permanent', code: 'elastic_unauthorized' });
    expect(error.message).toMatch(/security_exception/);
    const basic = await sinkFailure(
      open({}, { username: 'periscope', password: 'not-the-password' }).deliver(
        exportEvents(1, 600),
        noAbort,
      ),
      ['not-the-password', Buffer.from('periscope:not-the-password').toString('base64')],
    );
    expect(basic).toMatchObject({ kind: 'permanent', code: 'elastic_unauthorized' });
  });

  it('a request over the size limit is permanent and says to lower the batch', async () => {
    const error = await sinkFailure(open().deliver(exportEvents(1_000, 700), noAbort));
    expect(error).toMatchObject({ kind: 'permanent', code: 'elastic_request_too_large' });
    expect(error.message).toMatch(/lower the batch/);
  });

  it.each([
    ['busy', 'http_503', undefined],
    ['error', 'http_500', undefined],
    ['throttled', 'http_429', 7_000],
  ] as const)('whole-request %s is retryable', async (mode, code, retryAfterMs) => {
    await receiver.setMode(mode);
    const error = await sinkFailure(open().deliver(exportEvents(2, 800), noAbort), [apiKey]);
    expect(error).toMatchObject({ kind: 'retryable', code, retryAfterMs });
  });

  it('an unreachable cluster is retryable, and delivery resumes when it is back', async () => {
    const client = open();
    await receiver.setMode('down');
    const error = await sinkFailure(client.deliver(exportEvents(2, 900), noAbort), [apiKey]);
    expect(error).toMatchObject({ kind: 'retryable', code: 'connect_refused' });
    await receiver.setMode('up');
    await expect(client.deliver(exportEvents(2, 900), noAbort)).resolves.toBeUndefined();
  });

  it('times out on a cluster that never answers, and honours abort', async () => {
    await receiver.setMode('hang');
    const timedOut = await sinkFailure(open({ timeoutMs: '300' }).deliver(exportEvents(1, 950), noAbort));
    expect(timedOut).toMatchObject({ kind: 'retryable', code: 'timeout' });

    const before = receiver.requests;
    const controller = new AbortController();
    const delivery = open().deliver(exportEvents(1, 960), controller.signal);
    await vi.waitFor(() => expect(receiver.requests).toBeGreaterThan(before));
    controller.abort();
    expect(await sinkFailure(delivery)).toMatchObject({ kind: 'retryable', code: 'aborted' });
  });

  it('trusts the cluster certificate through caFile', async () => {
    const tls = await startElasticReceiver({ https: true, apiKeys: [apiKey] });
    try {
      const client = openSink(elastic, { url: tls.url, caFile: writeCaFile(tls.caPem!) }, { apiKey });
      await expect(client.deliver(exportEvents(2, 1_000), noAbort)).resolves.toBeUndefined();
      await client.close();
      expect(tls.documents).toHaveLength(2);
    } finally {
      await tls.close();
    }
  });

  it('refuses a loopback cluster when private sinks are not allowed', async () => {
    const before = receiver.requests;
    const error = await sinkFailure(open({}, { apiKey }, false).deliver(exportEvents(1, 1_100), noAbort), [
      apiKey,
    ]);
    expect(error).toMatchObject({ kind: 'permanent', code: 'config_invalid' });
    expect(receiver.requests).toBe(before);
  });
});
