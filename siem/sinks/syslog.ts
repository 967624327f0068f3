/**
 * Syslog destination: one RFC 5424 message per event, octet-counted (`<len> <msg>`) over TLS
 * (RFC 5425, the default) or plain TCP (RFC 6587, historic: only for receivers on a trusted
 * network), carrying a CEF line or an OCSF JSON object. See research/siem.md §3.
 *
 * Syslog has no application-level acknowledgement: `deliver` resolves once the socket has
 * accepted the batch (write callback), not when the receiver processed it. A receiver that dies
 * right after that loses what was still in flight; the event uid travels in the structured data
 * so a SOC can spot gaps and duplicates. Prefer an HTTPS sink where the SIEM offers one.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { hostname as machineHostname } from 'node:os';
import { connect as connectTls } from 'node:tls';
import { z } from 'zod';
import { PeriscopeError } from '../../scanner/errors.ts';
import { octetCountedFrame, type SyslogMessageOptions, syslogMessage } from '../render/rfc5424.ts';
import { defineSink, SinkError } from '../sink.ts';

/** RFC 5424 PRINTUSASCII (%d33-126): header fields may not contain spaces or anything else. */
const printableAscii = /^[\x21-\x7e]+$/;

function headerField(name: string, maxLength: number) {
  return z
    .string()
    .max(maxLength, `${name} is at most ${maxLength} characters (RFC 5424)`)
    .regex(printableAscii, `${name} must be printable ASCII without spaces (RFC 5424)`);
}

/** A number 0–23 or local0…local7 (the facilities set aside for local use, which SOCs route on). */
const facility = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const local = typeof value === 'string' ? /^local([0-7])$/.exec(value) : null;
  const code = local ? 16 + Number(local[1]) : Number(value);
  if (value === '' || !Number.isInteger(code) || code < 0 || code > 23) {
    ctx.addIssue({ code: 'custom', message: 'facility must be a number 0–23 or local0…local7' });
    return z.NEVER;
  }
  return code;
});

const config = z
  .strictObject({
    host: z.string().min(1, 'host is required'),
    /** Default 6514 for tls (RFC 5425), 514 for tcp. */
    port: z.coerce.number().int().min(1).max(65_535).optional(),
    transport: z.enum(['tls', 'tcp']).default('tls'),
    /** `cef` (default) or `json` (an OCSF Compliance Finding object). */
    format: z.enum(['cef', 'json']).default('cef'),
    /** Default local0 (16). */
    facility: facility.default(16),
    appName: headerField('appName', 48).default('periscope'),
    /** Default: the worker's host name, read when the sink opens (the config may be written elsewhere). */
    hostname: headerField('hostname', 255).optional(),
    /** PEM file of the CA to trust instead of the system store. */
    caFile: z.string().min(1).optional(),
    /** Name to verify the certificate against (and send as SNI) when `host` is an address or alias. */
    serverName: z.string().min(1).optional(),
    /** Connect and write timeout, default 10 s. */
    timeoutMs: z.coerce.number().int().min(100).max(600_000).default(10_000),
  })
  .superRefine((value, ctx) => {
    if (value.transport === 'tcp' && (value.caFile || value.serverName)) {
      ctx.addIssue({ code: 'custom', message: 'caFile and serverName apply only to transport=tls' });
    }
  })
  .transform((value) => ({ ...value, port: value.port ?? (value.transport === 'tls' ? 6514 : 514) }));

export type SyslogConfig = z.infer<typeof config>;

const secrets = z
  .strictObject({
    /** PEM certificate (and chain) presented to receivers that require mutual TLS. */
    clientCert: z.string().min(1).optional(),
    /** PEM private key of `clientCert`. */
    clientKey: z.string().min(1).optional(),
  })
  .refine((value) => (value.clientCert === undefined) === (value.clientKey === undefined), {
    message: 'clientCert and clientKey go together (mutual TLS)',
  });

export type SyslogSecrets = z.infer<typeof secrets>;

/** Certificate verification failures (OpenSSL verify codes as Node reports them): a retry cannot fix these. */
const certificateErrors = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function asSinkError(error: unknown, target: string): SinkError {
  if (error instanceof SinkError) return error;
  const { code = '', message = String(error) } = error as NodeJS.ErrnoException;
  // The destination guard refuses private addresses (config_invalid) from inside `lookup`.
  if (error instanceof PeriscopeError) {
    return new SinkError('permanent', 'destination_refused', message, { cause: error });
  }
  if (certificateErrors.has(code)) {
    return new SinkError(
      'permanent',
      'tls_certificate_rejected',
      `TLS certificate of ${target} was not accepted (${code}: ${message}); set caFile to the CA that issued it, or serverName to a name the certificate carries`,
      { cause: error },
    );
  }
  if (code.startsWith('ERR_SSL_')) {
    return new SinkError(
      'permanent',
      'tls_handshake_failed',
      `TLS handshake with ${target} failed (${code}); is it a TLS listener, or does it need transport=tcp?`,
      { cause: error },
    );
  }
  const retryable: Record<string, [string, string]> = {
    ECONNREFUSED: ['connect_refused', `${target} refused the connection`],
    ECONNRESET: ['connection_reset', `${target} reset the connection`],
    EPIPE: ['connection_reset', `${target} closed the connection`],
    ETIMEDOUT: ['timeout', `${target} did not answer`],
    ENOTFOUND: ['dns_failed', `${target} does not resolve`],
    EAI_AGAIN: ['dns_failed', `${target} could not be resolved right now`],
  };
  const [sinkCode, text] = retryable[code] ?? ['network_error', `${target}: ${code || message}`];
  return new SinkError('retryable', sinkCode, text, { cause: error });
}

export default defineSink({
  type: 'syslog',
  title: 'Syslog RFC 5424 over TLS (RFC 5425) or TCP, CEF or OCSF JSON',
  config,
  secrets,
  maxBatch: 2000,
  destinations: (value) => [{ host: value.host, port: value.port }],
  open({ config: settings, secrets: keys, product, guard, logger }) {
    const target = `syslog ${settings.transport}://${settings.host}:${settings.port}`;
    const messageOptions: SyslogMessageOptions = {
      facility: settings.facility,
      hostname: settings.hostname ?? machineHostname(),
      appName: settings.appName,
      format: settings.format,
      product,
    };
    let socket: Socket | undefined;
    let caPem: Promise<string> | undefined;
    let closed = false;
    let tail: Promise<unknown> = Promise.resolve();

    async function trustedCa(): Promise<string | undefined> {
      if (!settings.caFile) return undefined;
      const file = settings.caFile;
      caPem ??= readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        caPem = undefined; // the file may appear later
        throw new SinkError(
          'permanent',
          'ca_file_unreadable',
          `caFile ${file} cannot be read (${error.code})`,
        );
      });
      return caPem;
    }

    async function openSocket(signal: AbortSignal): Promise<Socket> {
      // Node skips `lookup` for an address literal, so the guard would never see it: ask it directly.
      if (isIP(settings.host))
        await guard.check(settings.host).catch((error) => Promise.reject(asSinkError(error, target)));
      const ca = await trustedCa();
      const endpoint = { host: settings.host, port: settings.port, lookup: guard.lookup };
      let fresh: Socket;
      try {
        fresh =
          settings.transport === 'tcp'
            ? connectTcp(endpoint)
            : connectTls({
                ...endpoint,
                ca,
                cert: keys.clientCert,
                key: keys.clientKey,
                // Node verifies against servername when set, else host; SNI may not carry an address.
                servername: settings.serverName ?? (isIP(settings.host) ? undefined : settings.host),
              });
      } catch (error) {
        // createSecureContext throws synchronously on a malformed PEM; its message holds no key material.
        throw new SinkError(
          'permanent',
          'tls_client_certificate_invalid',
          `clientCert/clientKey are not a usable PEM certificate and key: ${(error as Error).message}`,
        );
      }
      // Listeners for the socket's whole life come first, so no error is ever emitted unheard.
      fresh.on('error', (error) => logger.debug({ err: error.message, target }, 'syslog connection failed'));
      fresh.once('close', () => {
        if (socket === fresh) socket = undefined;
      });
      // A receiver never talks back, but reading is how a FIN or RST reaches us: keep flowing.
      fresh.resume();
      const ready = settings.transport === 'tcp' ? 'connect' : 'secureConnect';
      await new Promise<void>((resolve, reject) => {
        const fail = (error: unknown) => {
          cleanup();
          fresh.destroy();
          reject(asSinkError(error, target));
        };
        const onAbort = () =>
          fail(new SinkError('retryable', 'aborted', `connecting to ${target} was aborted`));
        const onTimeout = () =>
          fail(
            new SinkError(
              'retryable',
              'timeout',
              `${target} did not connect within ${settings.timeoutMs} ms`,
            ),
          );
        const onReady = () => {
          cleanup();
          resolve();
        };
        const cleanup = () => {
          fresh.setTimeout(0);
          fresh.off('timeout', onTimeout).off('error', fail).off(ready, onReady);
          signal.removeEventListener('abort', onAbort);
        };
        fresh.setTimeout(settings.timeoutMs);
        fresh.once('timeout', onTimeout).once('error', fail).once(ready, onReady);
        signal.addEventListener('abort', onAbort, { once: true });
        if (signal.aborted) onAbort();
      });
      logger.debug({ target }, 'syslog connected');
      return fresh;
    }

    /** The open connection, or a new one when the receiver closed it since the last batch. */
    async function liveSocket(signal: AbortSignal): Promise<Socket> {
      // A FIN that already arrived must close the socket before we write, or the write succeeds
      // into a dead connection and the batch is lost (rsyslog's own client peeks for this). Two
      // check phases apart guarantees one I/O poll in between, whatever phase we are called from.
      for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
      if (socket && (socket.destroyed || !socket.writable || socket.readableEnded)) {
        socket.destroy();
        socket = undefined;
      }
      socket ??= await openSocket(signal);
      return socket;
    }

    function write(current: Socket, payload: Buffer, signal: AbortSignal): Promise<void> {
      return new Promise((resolve, reject) => {
        let settled = false;
        const finish = (error?: unknown) => {
          if (settled) return;
          settled = true;
          current.setTimeout(0);
          current.off('timeout', onTimeout).off('error', finish).off('close', onClose);
          signal.removeEventListener('abort', onAbort);
          if (error === undefined) return resolve();
          current.destroy(); // whatever part of the batch went out, the next attempt starts clean
          reject(asSinkError(error, target));
        };
        const onAbort = () =>
          finish(new SinkError('retryable', 'aborted', `sending to ${target} was aborted`));
        const onTimeout = () =>
          finish(
            new SinkError('retryable', 'timeout', `${target} accepted nothing for ${settings.timeoutMs} ms`),
          );
        const onClose = () =>
          finish(
            new SinkError('retryable', 'connection_reset', `${target} closed the connection during a write`),
          );
        current.setTimeout(settings.timeoutMs);
        current.once('timeout', onTimeout).once('error', finish).once('close', onClose);
        signal.addEventListener('abort', onAbort, { once: true });
        if (signal.aborted) return onAbort();
        current.write(payload, (error) => finish(error ?? undefined));
      });
    }

    async function send(payload: Buffer, signal: AbortSignal): Promise<void> {
      if (closed) throw new SinkError('retryable', 'closed', `the client for ${target} was closed`);
      if (signal.aborted) throw new SinkError('retryable', 'aborted', `sending to ${target} was aborted`);
      await write(await liveSocket(signal), payload, signal);
    }

    return {
      async deliver(events, signal) {
        const payload = Buffer.concat(
          events.map((event) => octetCountedFrame(syslogMessage(event, messageOptions))),
        );
        // One batch at a time on the one connection, so frames of two batches never interleave.
        const result = tail.then(() => send(payload, signal));
        tail = result.catch(() => {});
        await result;
        return undefined;
      },
      async close() {
        closed = true;
        await tail;
        const current = socket;
        socket = undefined;
        if (!current || current.destroyed) return;
        const gone = once(current, 'close').catch(() => {});
        current.setTimeout(settings.timeoutMs, () => current.destroy());
        current.end();
        await gone;
      },
    };
  },
});
