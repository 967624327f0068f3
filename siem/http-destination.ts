/**
 * The HTTP side shared by the HEC, Elastic and webhook sinks: one keep-alive dispatcher per sink
 * client whose every socket passes the destination guard, and the translation of transport
 * failures (refused, reset, timeout, TLS, abort) into SinkErrors that steer the drain's retries.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { z } from 'zod';
import { PeriscopeError } from '../scanner/errors.ts';
import { type DestinationGuard, isPrivateAddress } from './destination-guard.ts';
import { SinkError } from './sink.ts';

export interface HttpDestinationOptions {
  guard: DestinationGuard;
  /** PEM file with extra CA certificates to trust (a private SIEM CA); the system store otherwise. */
  caFile?: string;
  /** Connect, response-headers and body-idle timeout in ms. */
  timeoutMs: number;
  /** Parallel connections to the origin (the HEC sink keeps one request in flight, so 1–2 is plenty). */
  connections?: number;
}

/**
 * Builds the dispatcher. Node skips `lookup` for IP literals, so a URL such as
 * `https://169.254.169.254/` would bypass the guard's lookup: literals are checked here instead.
 */
export function createHttpDispatcher(options: HttpDestinationOptions): Agent {
  let ca: string | undefined;
  if (options.caFile) {
    try {
      ca = readFileSync(options.caFile, 'utf8');
    } catch (error) {
      throw new SinkError(
        'permanent',
        'config_invalid',
        `caFile ${options.caFile} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  const connectThroughGuard = buildConnector({
    lookup: options.guard.lookup,
    timeout: options.timeoutMs,
    ...(ca ? { ca } : {}),
  });
  return new Agent({
    connections: options.connections ?? 2,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 30_000,
    connect(connectOptions, callback) {
      const host = connectOptions.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !options.guard.allowPrivate && isPrivateAddress(host)) {
        callback(
          new PeriscopeError(
            'config_invalid',
            `export destination ${host} is a private, loopback or link-local address; set PERISCOPE_ALLOW_PRIVATE_SINKS=1 to allow it`,
            { host },
          ),
          null,
        );
        return;
      }
      connectThroughGuard(connectOptions, callback);
    },
  });
}

const tlsTrustCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

const retryableNetworkCodes: Record<string, string> = {
  ECONNREFUSED: 'connect_refused',
  ECONNRESET: 'connection_reset',
  EPIPE: 'connection_reset',
  UND_ERR_SOCKET: 'connection_reset',
  UND_ERR_CLOSED: 'connection_reset',
  ENOTFOUND: 'dns_failed',
  EAI_AGAIN: 'dns_failed',
  EHOSTUNREACH: 'host_unreachable',
  ENETUNREACH: 'host_unreachable',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
};

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

/**
 * Turns whatever a request threw into a SinkError. `what` names the destination for the message
 * (e.g. "Splunk HEC at https://splunk:8088"): URLs carry no secrets in these sinks.
 */
export function transportError(error: unknown, what: string, signal: AbortSignal): SinkError {
  if (error instanceof SinkError) return error;
  if (signal.aborted)
    return new SinkError('retryable', 'aborted', `delivery to ${what} was aborted`, { cause: error });
  const chain = causes(error);
  const refused = chain.find((e): e is PeriscopeError => e instanceof PeriscopeError);
  if (refused) return new SinkError('permanent', refused.code, refused.message, { cause: error });
  for (const e of chain) {
    const code = (e as { code?: string }).code;
    if (!code) continue;
    if (tlsTrustCodes.has(code)) {
      return new SinkError(
        'permanent',
        'tls_untrusted',
        `TLS certificate of ${what} is not trusted (${code}); set caFile to the CA that signed it`,
        { cause: error },
      );
    }
    const mapped = retryableNetworkCodes[code];
    if (mapped)
      return new SinkError('retryable', mapped, `${what}: ${mapped.replaceAll('_', ' ')} (${code})`, {
        cause: error,
      });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SinkError('retryable', 'network', `${what}: request failed: ${message}`, { cause: error });
}

/** Retry-After as milliseconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** HTTP statuses every HTTP sink retries: request timeout, throttling, and 5xx except 501 (not implemented). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

/** The origin-relative path of `base` joined with `suffix` (`https://h/es` + `/_bulk` → `/es/_bulk`). */
export function joinPath(base: URL, suffix: string): string {
  return `${base.pathname.replace(/\/+$/, '')}${suffix}`;
}

/** Config pieces the HTTP sinks share; values arrive as strings from `--config key=value`. */
export const httpSetting = {
  url: z.url({ protocol: /^https?$/, error: 'url must be an http:// or https:// URL' }),
  milliseconds: z.coerce.number().int().positive().max(3_600_000),
  flag: z.union([z.boolean(), z.stringbool()]),
};

/** Host and port the guard checks for a sink URL (default ports by scheme). */
export function urlDestination(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80,
  };
}
