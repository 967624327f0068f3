/**
 * One local HTTP(S) server that hosts any number of vendor simulators under path prefixes
 * (`/api/v3` for GitHub, `/v1` for OpenAI …). Plain node:http keeps the per-request cost
 * tiny, which the benchmark (thousands of pages) depends on.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCertificate } from './tls-cert.ts';

export interface SandboxRequestContext {
  /** Origin of the host, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  /** The prefix the handler was mounted under, e.g. `/api/v3`. */
  prefix: string;
  /** The path with the prefix removed, always starting with `/`. */
  path: string;
  /** The full request URL (absolute, prefix included). */
  url: URL;
}

export type SandboxHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: SandboxRequestContext,
) => void | Promise<void>;

export interface SandboxHostOptions {
  /** Serve HTTPS with a self-signed certificate created at startup. Default false. */
  https?: boolean;
  /** Port to listen on; default 0 (an ephemeral port). Always bound to 127.0.0.1. */
  port?: number;
}

export interface SandboxHost {
  /** `http(s)://127.0.0.1:<port>` — no trailing slash. */
  baseUrl: string;
  /** PEM of the self-signed certificate (HTTPS only); trust it as a CA in clients. */
  certPem?: string;
  /** Same PEM as `certPem`: the certificate is its own CA. */
  caPem?: string;
  /** Routes every request whose path starts with `prefix` to `handler`; the longest prefix wins. */
  mount(prefix: string, handler: SandboxHandler): void;
  /** Stops listening and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function sendHostError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ message }));
}

export async function startSandboxHost(options: SandboxHostOptions = {}): Promise<SandboxHost> {
  const mounts: Array<{ prefix: string; handler: SandboxHandler }> = [];
  const tls = options.https ? createSelfSignedCertificate() : undefined;
  let origin = '';

  const dispatch = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    const mount = mounts.find(
      (m) => url.pathname === m.prefix || url.pathname.startsWith(`${m.prefix}/`) || m.prefix === '',
    );
    if (!mount) return sendHostError(res, 404, 'Not Found');
    const path = url.pathname.slice(mount.prefix.length) || '/';
    Promise.resolve(mount.handler(req, res, { origin, prefix: mount.prefix, path, url })).catch((error) => {
      sendHostError(res, 500, `sandbox handler failed: ${(error as Error).message}`);
    });
  };

  const server: Server = tls
    ? createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, dispatch)
    : createHttpServer(dispatch);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl: origin,
    certPem: tls?.certPem,
    caPem: tls?.certPem,
    mount(prefix, handler) {
      mounts.push({ prefix: normalizePrefix(prefix), handler });
      mounts.sort((a, b) => b.prefix.length - a.prefix.length);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
