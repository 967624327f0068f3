/**
 * The listener under the SIEM receivers. Unlike sandbox/host.ts it can stop listening and listen
 * again on the SAME port with the SAME certificate, which is what an outage looks like to a
 * sink (connections refused, then the destination comes back); it also owns the fault modes
 * every receiver shares, so each receiver only writes its vendor's error bodies.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCertificate } from '../tls-cert.ts';

/**
 * - `up`: normal service;
 * - `busy`: 503 (HEC code 9); `error`: 500 (HEC code 8); `throttled`: 429 with `Retry-After`;
 * - `hang`: accept the request and never answer (client timeouts);
 * - `down`: stop listening (connections refused); the next other mode listens again on the same port.
 */
export type ReceiverMode = 'up' | 'busy' | 'error' | 'throttled' | 'hang' | 'down';

export interface ReceiverHostOptions {
  /** Serve HTTPS with a self-signed certificate (kept across down/up). Default false. */
  https?: boolean;
  /** Port on 127.0.0.1; default 0 (ephemeral, then kept for the receiver's life). */
  port?: number;
}

export interface ReceiverHost<M extends string> {
  /** `http(s)://127.0.0.1:<port>`, stable across down/up. */
  url: string;
  /** PEM of the self-signed certificate (HTTPS only): trust it as the CA (`caFile`). */
  caPem?: string;
  readonly mode: M | ReceiverMode;
  setMode(mode: M | ReceiverMode): Promise<void>;
  /** Requests received (also those answered by a fault mode), hung ones included. */
  readonly requests: number;
  close(): Promise<void>;
}

/** Answers the request in a non-`up` mode other than hang/down (the receiver writes vendor bodies). */
export type FaultResponder<M extends string> = (
  mode: Exclude<M | ReceiverMode, 'up' | 'hang' | 'down'>,
  res: ServerResponse,
) => void;

export type RequestHandler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

/** Reads the body, then routes to `handle` in `up` mode and to `fault` in the error modes. */
export async function startReceiverHost<M extends string>(
  options: ReceiverHostOptions,
  handle: RequestHandler,
  fault: FaultResponder<M>,
): Promise<ReceiverHost<M>> {
  const tls = options.https ? createSelfSignedCertificate('periscope-siem-receiver') : undefined;
  let mode: M | ReceiverMode = 'up';
  let requests = 0;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    requests++;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (mode === 'hang') return; // the socket stays open until the client gives up or we close
      if (mode === 'up') return handle(req, Buffer.concat(chunks), res);
      fault(mode as Exclude<M | ReceiverMode, 'up' | 'hang' | 'down'>, res);
    });
  };
  const server: Server = tls
    ? createHttpsServer({ key: tls.keyPem, cert: tls.certPem, keepAliveTimeout: 60_000 }, onRequest)
    : createHttpServer({ keepAliveTimeout: 60_000 }, onRequest);

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // kept-alive sockets would otherwise still reach us
    });

  await listen(options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url,
    caPem: tls?.certPem,
    get mode() {
      return mode;
    },
    get requests() {
      return requests;
    },
    async setMode(next) {
      if (closing) throw new Error('receiver is closed');
      const wasDown = mode === 'down';
      mode = next;
      if (next === 'down' && !wasDown) await stopListening();
      if (next !== 'down' && wasDown) await listen(port);
    },
    close() {
      closing ??= mode === 'down' ? Promise.resolve() : stopListening();
      return closing;
    },
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Seconds the `throttled` mode puts in Retry-After. */
export const THROTTLE_RETRY_AFTER_SECONDS = 7;

/** Adds a receiver's own members to its host, keeping getters live (Object.assign would snapshot them). */
export function extendHost<H extends object, X extends object>(host: H, extra: X): H & X {
  return Object.defineProperties(host, Object.getOwnPropertyDescriptors(extra)) as H & X;
}
