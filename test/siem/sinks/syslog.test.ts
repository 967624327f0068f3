/**
 * The syslog sink against a real rsyslogd (test/support/rsyslog.ts): what arrives must be the
 * exact RFC 5424 message, parsed by rsyslog into the fields a SIEM behind it would see.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { LookupFunction } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../../sandbox/tls-cert.ts';
import { createDestinationGuard } from '../../../siem/destination-guard.ts';
import type { ExportEvent } from '../../../siem/export-event.ts';
import { toCef } from '../../../siem/render/cef.ts';
import { syslogMessage } from '../../../siem/render/rfc5424.ts';
import type { SinkClient, SinkError } from '../../../siem/sink.ts';
import syslogSink, { type SyslogSecrets } from '../../../siem/sinks/syslog.ts';
import { exportEvent, exportEvents, testProduct } from '../../support/export-events.ts';
import { type RsyslogInput, startRsyslog, type TestRsyslog } from '../../support/rsyslog.ts';

let rsyslog: TestRsyslog;
let scratch: string;
const clients: SinkClient[] = [];

beforeAll(async () => {
  rsyslog = await startRsyslog();
  scratch = await mkdtemp(join(tmpdir(), 'periscope-syslog-test-'));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await rsyslog?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

interface OpenOptions {
  config?: Record<string, string>;
  secrets?: SyslogSecrets;
  allowPrivate?: boolean;
}

/** Opens a client the way the drain does: config values as strings, through the guard. Counts connections. */
function openSyslog(input: RsyslogInput, options: OpenOptions = {}) {
  const base = createDestinationGuard({ allowPrivate: options.allowPrivate ?? true });
  const counter = { lookups: 0 };
  const lookup = ((hostname, lookupOptions, callback) => {
    counter.lookups++;
    base.lookup(hostname, lookupOptions, callback);
  }) as LookupFunction;
  const config = syslogSink.config.parse({
    host: '127.0.0.1',
    port: String(rsyslog.ports[input]),
    transport: input === 'tcp' ? 'tcp' : 'tls',
    hostname: 'scanner.test',
    ...(input === 'tcp' ? {} : { caFile: rsyslog.caFile }),
    ...options.config,
  });
  const client = syslogSink.open({
    config,
    secrets: syslogSink.secrets.parse(options.secrets ?? {}),
    sinkId: 'sink-1',
    tenant: { id: '11111111-2222-4333-8444-555555555555', slug: 'acme' },
    product: testProduct,
    guard: { ...base, lookup },
    logger: pino({ level: 'silent' }),
  });
  clients.push(client);
  return { client, config, counter };
}

/** Delivers and returns what rsyslog received for exactly these events. */
async function deliverAndReceive(input: RsyslogInput, client: SinkClient, events: ExportEvent[]) {
  const before = (await rsyslog.readMessages(input)).length;
  await expect(client.deliver(events, new AbortController().signal)).resolves.toBeUndefined();
  return (await rsyslog.waitForMessages(input, before + events.length)).slice(before);
}

async function deliveryError(client: SinkClient, events = [exportEvent()]): Promise<SinkError> {
  return client.deliver(events, new AbortController().signal).then(
    () => expect.unreachable('delivery should have failed') as never,
    (error: SinkError) => error,
  );
}

describe('syslog sink over TCP', () => {
  it('delivers one CEF event as the exact RFC 5424 message, parsed field by field by rsyslog', async () => {
    const { client } = openSyslog('tcp');
    const event = exportEvent({
      type: 'severity_changed',
      tenant: { id: '11111111-2222-4333-8444-555555555555', slug: 'ac"me\\x]y', name: 'Acme' },
      finding: { assetName: 'repo | with = odd \\ chars\nand a newline' },
    });
    const [received] = await deliverAndReceive('tcp', client, [event]);
    const cef = toCef(event, testProduct);

    expect(received!.raw).toBe(
      `<131>1 2026-11-20T10:00:00.123Z scanner.test periscope - severity_changed ` +
        `[periscope@32473 event_uid="${event.uid}" finding_uid="${event.finding.fingerprint}" tenant="ac\\"me\\\\x\\]y"] ${cef}`,
    );
    expect(received).toMatchObject({
      pri: '131', // local0 (16) × 8 + error (3) for high
      timestamp: '2026-11-20T10:00:00.123Z',
      hostname: 'scanner.test',
      appName: 'periscope',
      procId: '-',
      msgId: 'severity_changed',
      msg: cef,
    });
    // rsyslog's structured-data parser undoes the escaping: the values are back as they were.
    expect(received!.sd).toEqual({
      'periscope@32473': {
        event_uid: event.uid,
        finding_uid: event.finding.fingerprint,
        tenant: 'ac"me\\x]y',
      },
    });
    expect(
      received!.msg.startsWith('CEF:0|Periscope|Periscope|0.1.0|github/org-two-factor-not-required|'),
    ).toBe(true);
    expect(received!.msg).toContain('cs5=repo | with \\= odd \\\\ chars\\nand a newline cs6Label=');
  });

  it('puts facility and severity into PRI', async () => {
    const { client } = openSyslog('tcp', { config: { facility: 'local3', appName: 'posture' } });
    const events = (['critical', 'high', 'medium', 'low', 'info'] as const).map((severity, i) =>
      exportEvent({ eventId: 100 + i, severity }),
    );
    const received = await deliverAndReceive('tcp', client, events);
    expect(received.map((message) => message.pri)).toEqual(['154', '155', '156', '157', '158']);
    expect(received.map((message) => message.appName)).toEqual(Array(5).fill('posture'));
  });

  it('frames 2,000 events of one batch so that each arrives intact and in order', async () => {
    const { client, config } = openSyslog('tcp');
    const events = exportEvents(2000, 10_000);
    const received = await deliverAndReceive('tcp', client, events);
    expect(received).toHaveLength(2000);
    const options = { ...config, product: testProduct, hostname: 'scanner.test' };
    expect(received.map((message) => message.raw)).toEqual(
      events.map((event) => syslogMessage(event, options)),
    );
  });

  it('keeps one connection across batches, reports an outage as retryable, and reconnects after it', async () => {
    const { client, counter } = openSyslog('tcp', { config: { host: 'localhost' } });
    const events = exportEvents(6, 20_000);
    await deliverAndReceive('tcp', client, events.slice(0, 1));
    await deliverAndReceive('tcp', client, events.slice(1, 2));
    expect(counter.lookups).toBe(1);

    await rsyslog.stop();
    const outage = await deliveryError(client, events.slice(2, 3));
    expect(outage).toMatchObject({ name: 'SinkError', kind: 'retryable', code: 'connect_refused' });
    expect(outage.message).toContain('localhost');

    await rsyslog.restart();
    const resumed = await deliverAndReceive('tcp', client, events.slice(2, 4));
    expect(resumed.map((message) => message.sd['periscope@32473']!.event_uid)).toEqual(
      events.slice(2, 4).map((event) => event.uid),
    );

    // Restarted while idle: the old connection is dead, so the client must not write into it.
    await rsyslog.restart();
    const afterIdleRestart = await deliverAndReceive('tcp', client, events.slice(4, 6));
    expect(afterIdleRestart.map((message) => message.sd['periscope@32473']!.event_uid)).toEqual(
      events.slice(4, 6).map((event) => event.uid),
    );
  });

  it('does not write a batch into a connection the receiver closed just before', async () => {
    // A minimal receiver whose side of the connection the test closes at a precise moment.
    const accepted: Socket[] = [];
    let firstBatch!: () => void;
    const received = new Promise<void>((resolve) => (firstBatch = resolve));
    const receiver = createServer((socket) => {
      accepted.push(socket);
      socket.on('data', () => firstBatch());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = String((receiver.address() as { port: number }).port);
    const { client } = openSyslog('tcp', { config: { port } });
    await client.deliver([exportEvent()], new AbortController().signal);
    await received;

    // Everything was read, so closing sends a FIN (no RST): it is in our socket's queue, but the
    // event loop has not polled since. A client that writes without looking would see the
    // write succeed, resolve, and lose the batch.
    receiver.close();
    for (const socket of accepted) socket.destroy();
    const error = await deliveryError(client);
    expect(error).toMatchObject({ kind: 'retryable', code: 'connect_refused' });
  });

  it('refuses a loopback destination when private sinks are not allowed', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const { client } = openSyslog('tcp', { config: { host }, allowPrivate: false });
      const error = await deliveryError(client);
      expect(error).toMatchObject({ kind: 'permanent', code: 'destination_refused' });
      expect(error.message).toContain('PERISCOPE_ALLOW_PRIVATE_SINKS');
    }
  });

  it('gives up on a receiver that never answers with a retryable timeout', async () => {
    const silent: Server = createServer(() => {}); // accepts, then never speaks TLS
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((silent.address() as { port: number }).port);
      const { client } = openSyslog('tls', { config: { port, timeoutMs: '200' } });
      expect(await deliveryError(client)).toMatchObject({ kind: 'retryable', code: 'timeout' });
    } finally {
      silent.close();
    }
  });

  it('treats an aborted delivery as retryable', async () => {
    const { client } = openSyslog('tcp');
    const controller = new AbortController();
    controller.abort();
    await expect(client.deliver([exportEvent()], controller.signal)).rejects.toMatchObject({
      kind: 'retryable',
      code: 'aborted',
    });
  });
});

describe('syslog sink over TLS', () => {
  it('delivers OCSF JSON whose body parses and carries the event uid', async () => {
    const { client } = openSyslog('tls', { config: { format: 'json' } });
    const event = exportEvent({ eventId: 7 });
    const [received] = await deliverAndReceive('tls', client, [event]);
    expect(
      received!.raw.startsWith(`<131>1 2026-11-20T10:00:00.123Z scanner.test periscope - opened [`),
    ).toBe(true);
    const body = JSON.parse(received!.msg);
    expect(body).toMatchObject({ class_uid: 2003, metadata: { uid: event.uid } });
    expect(received!.sd['periscope@32473']).toMatchObject({ event_uid: event.uid });
  });

  it('frames 2,000 events of one batch intact over TLS', async () => {
    const { client, config } = openSyslog('tls', { config: { host: 'localhost' } });
    const events = exportEvents(2000, 30_000);
    const received = await deliverAndReceive('tls', client, events);
    const options = { ...config, product: testProduct, hostname: 'scanner.test' };
    expect(received.map((message) => message.raw)).toEqual(
      events.map((event) => syslogMessage(event, options)),
    );
  });

  it('presents a client certificate to a receiver that requires mutual TLS', async () => {
    const { client } = openSyslog('mtls', {
      secrets: { clientCert: rsyslog.clientCertPem, clientKey: rsyslog.clientKeyPem },
    });
    const event = exportEvent({ eventId: 8 });
    const [received] = await deliverAndReceive('mtls', client, [event]);
    expect(received!.sd['periscope@32473']).toMatchObject({ event_uid: event.uid });
  });

  it('fails permanently, naming TLS, when the certificate is not issued by the trusted CA', async () => {
    const otherCa = join(scratch, 'other-ca.pem');
    await writeFile(otherCa, createSelfSignedCertificate('someone-else').certPem);
    const { client } = openSyslog('tls', { config: { caFile: otherCa } });
    const error = await deliveryError(client);
    expect(error).toMatchObject({ kind: 'permanent', code: 'tls_certificate_rejected' });
    expect(error.message).toMatch(/^TLS certificate of syslog tls:\/\/127\.0\.0\.1:\d+ was not accepted/);
    expect(
      (await rsyslog.readMessages('tls')).some((message) => message.raw.includes(exportEvent().uid)),
    ).toBe(false);
  });

  it('fails permanently when the certificate does not name serverName', async () => {
    const { client } = openSyslog('tls', { config: { serverName: 'syslog.example.com' } });
    expect(await deliveryError(client)).toMatchObject({
      kind: 'permanent',
      code: 'tls_certificate_rejected',
    });
  });
});

describe('syslog sink configuration', () => {
  const parse = (input: Record<string, string>) =>
    syslogSink.config.safeParse({ host: 'siem.example.com', ...input });

  it('defaults to TLS on 6514 with CEF and local0, and to port 514 for plain TCP', () => {
    expect(parse({}).data).toMatchObject({ transport: 'tls', port: 6514, format: 'cef', facility: 16 });
    expect(parse({ transport: 'tcp' }).data).toMatchObject({ port: 514 });
    expect(syslogSink.destinations(parse({ port: '1514' }).data!)).toEqual([
      { host: 'siem.example.com', port: 1514 },
    ]);
  });

  it('refuses header values RFC 5424 does not allow, unknown keys, and TLS options on TCP', () => {
    expect(parse({ appName: 'has space' }).success).toBe(false);
    expect(parse({ appName: 'a'.repeat(49) }).success).toBe(false);
    expect(parse({ facility: 'local8' }).success).toBe(false);
    expect(parse({ facility: '24' }).success).toBe(false);
    expect(parse({ colour: 'blue' }).success).toBe(false);
    expect(parse({ transport: 'tcp', caFile: '/etc/ca.pem' }).success).toBe(false);
    expect(syslogSink.secrets.safeParse({ clientCert: 'PEM' }).success).toBe(false);
  });
});
