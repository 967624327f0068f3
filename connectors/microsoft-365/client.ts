/**
 * The Microsoft 365 client for one connection: MSAL client credentials against the customer
 * tenant's authority, the Graph SDK on the connection's Graph root, and one `call` that every
 * request goes through — a bounded number in flight, Retry-After honoured on 429/503/504 (with
 * jittered backoff when Graph gives none), and errors mapped to Periscope codes. `$batch`
 * requests retry their throttled inner requests themselves: the SDK retries only the outer one.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { ConfidentialClientApplication, type INetworkModule, type NodeAuthOptions } from '@azure/msal-node';
import {
  BatchRequestContent,
  BatchResponseContent,
  Client,
  type Context,
} from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { ClientOptions, ConnectionConfig } from '../../scanner/connector.ts';
import { isPeriscopeError, PeriscopeError } from '../../scanner/errors.ts';
import { transportFetch, transportFetchTrusting } from '../../scanner/http-transport.ts';
import { RequestGate, sleepUnlessAborted } from '../../scanner/request-gate.ts';
import { ScanMemo } from '../../scanner/scan-memo.ts';
import { isCertificateCredentials, Microsoft365Config, type Microsoft365Credentials } from './credentials.ts';
import { type GraphFailure, graphFailureOf, toGraphError } from './errors.ts';

const DEFAULT_GRAPH = 'https://graph.microsoft.com/';
const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
const GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]);
const MAX_ATTEMPTS = 6;
const MAX_DELAY_MS = 60_000;
/** Graph's `$batch` limit (research §2.14). */
export const BATCH_SIZE = 20;

/**
 * Access tokens per (connection, app, tenant, resource), kept in this process across scans and
 * content downloads: each builds its own client, and minting a token per download would double
 * the calls. In memory only; they expire within the hour.
 */
const tokenCache = new Map<string, { token: string; expiresAt: number }>();
const TOKEN_CACHE_LIMIT = 10_000;
const TOKEN_SKEW_MS = 120_000;

function rememberToken(key: string, token: string, expiresAt: number): void {
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.delete(tokenCache.keys().next().value as string);
  tokenCache.set(key, { token, expiresAt });
}

export interface BatchResult {
  status: number;
  body: unknown;
}

export class Microsoft365Client {
  readonly tenantId: string;
  readonly graphRoot: string;
  readonly concurrency: number;
  readonly sweepMs: number;
  readonly sharepointAdminUrl: string | null;
  private readonly retryBaseMs: number;
  private readonly fetch: typeof fetch;
  private readonly msal: ConfidentialClientApplication;
  private readonly graph: Client;
  private readonly logger: Logger;
  private readonly signal: AbortSignal;
  private readonly gate: RequestGate;
  private readonly memo = new ScanMemo({ keepFailures: false });
  /** Who a token is for: the connection, app and tenant (tokens are shared across scans by it). */
  private readonly cacheKey: string;

  constructor(connection: ConnectionConfig, credentials: Microsoft365Credentials, options: ClientOptions) {
    const config = Microsoft365Config.parse(connection.config);
    this.tenantId = config.tenantId;
    this.graphRoot = connection.baseUrl ? `${new URL(connection.baseUrl).origin}/` : DEFAULT_GRAPH;
    this.concurrency = Math.max(1, Number(config.concurrency ?? 8));
    this.gate = new RequestGate(this.concurrency);
    this.retryBaseMs = Number(config.retryBaseMs ?? 1000);
    this.sweepMs = Number(config.sweepHours ?? 24) * 3_600_000;
    this.sharepointAdminUrl = config.sharepointAdminUrl
      ? `${new URL(config.sharepointAdminUrl).origin}/`
      : null;
    this.logger = options.logger.child({ provider: 'microsoft-365', connectionId: connection.id });
    this.signal = options.signal;
    this.fetch = options.http.wrapFetch(
      config.caCertificate ? transportFetchTrusting(config.caCertificate) : transportFetch,
    );
    this.msal = this.buildMsal(config, credentials);
    this.cacheKey = `${connection.id}|${credentials.clientId}|${config.authority ?? DEFAULT_AUTHORITY}|${config.tenantId}`;
    this.graph = Client.initWithMiddleware({
      baseUrl: this.graphRoot,
      defaultVersion: 'v1.0',
      middleware: this.middleware(),
    });
  }

  /** The Graph resource's `.default` scope: Graph's own host in national clouds, else the public one. */
  private get graphScope(): string {
    const host = new URL(this.graphRoot).hostname;
    return GRAPH_HOSTS.has(host) ? `https://${host}/.default` : `${DEFAULT_GRAPH}.default`;
  }

  private buildMsal(
    config: Microsoft365Config,
    credentials: Microsoft365Credentials,
  ): ConfidentialClientApplication {
    const authorityBase = (config.authority ?? DEFAULT_AUTHORITY).replace(/\/+$/, '');
    const auth: NodeAuthOptions = {
      clientId: credentials.clientId,
      authority: `${authorityBase}/${config.tenantId}`,
      ...(config.authority ? { knownAuthorities: [new URL(authorityBase).host] } : {}),
    };
    if (isCertificateCredentials(credentials)) {
      const certificate = credentials.certificate ? new X509Certificate(credentials.certificate) : null;
      auth.clientCertificate = {
        thumbprintSha256: certificate
          ? createHash('sha256').update(certificate.raw).digest('hex')
          : (credentials.thumbprintSha256 as string).toLowerCase(),
        privateKey: credentials.privateKey,
        ...(credentials.certificate ? { x5c: credentials.certificate } : {}),
      };
    } else auth.clientSecret = credentials.clientSecret;
    const network: INetworkModule = {
      sendGetRequestAsync: (url, options) => this.send('GET', url, options),
      sendPostRequestAsync: (url, options) => this.send('POST', url, options),
    };
    return new ConfidentialClientApplication({
      auth,
      system: { networkClient: network, loggerOptions: { logLevel: 0, piiLoggingEnabled: false } },
    });
  }

  /** MSAL's requests go through the scan's counting transport too. */
  private async send<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: { headers?: Record<string, string>; body?: string },
  ) {
    const response = await this.fetch(url, { method, headers: options?.headers, body: options?.body });
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // MSAL reports a non-JSON body itself.
    }
    return { headers, body: body as T, status: response.status };
  }

  async accessToken(scope = this.graphScope): Promise<string> {
    const cacheKey = `${this.cacheKey}|${scope}`;
    const cached = tokenCache.get(cacheKey);
    if (cached && cached.expiresAt - TOKEN_SKEW_MS > Date.now()) return cached.token;
    try {
      const result = await this.msal.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new Error('no access token in the token response');
      rememberToken(cacheKey, result.accessToken, result.expiresOn?.getTime() ?? Date.now() + 300_000);
      return result.accessToken;
    } catch (error) {
      if (isPeriscopeError(error)) throw error;
      const e = error as { errorCode?: string; errorMessage?: string; message?: string };
      // MSAL's messages quote Entra's AADSTS text; they never contain the secret or the assertion.
      const what = `${e.errorCode ?? 'token_error'}: ${(e.errorMessage ?? e.message ?? '').split('\n')[0]?.slice(0, 240)}`;
      const code = /network|timed_out|ECONN|fetch failed/i.test(what) ? 'network' : 'auth_failed';
      throw new PeriscopeError(code, `microsoft-365: no token for tenant ${this.tenantId}: ${what}`, {
        provider: 'microsoft-365',
      });
    }
  }

  /** Bearer token only to the Graph root's host (a nextLink elsewhere must not get it), then the counting fetch. */
  private middleware() {
    const graphHost = new URL(this.graphRoot).host;
    const send = {
      execute: async (context: Context) => {
        const url = typeof context.request === 'string' ? context.request : context.request.url;
        context.response = await this.fetch(url, context.options as RequestInit);
      },
    };
    const authenticate = {
      execute: async (context: Context) => {
        const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
        const headers = new Headers(
          (context.options?.headers as ConstructorParameters<typeof Headers>[0]) ?? {},
        );
        if (url.host === graphHost) headers.set('authorization', `Bearer ${await this.accessToken()}`);
        context.options = { ...context.options, headers: Object.fromEntries(headers) };
        await send.execute(context);
      },
    };
    return authenticate;
  }

  get api(): Client {
    return this.graph;
  }

  /**
   * One Graph call: limited, retried on 429/503/504 (Retry-After when given), errors mapped.
   * `permission` names what the app needs, for the error a missing permission produces.
   */
  async call<T>(label: string, permission: string, run: (graph: Client) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.signal.aborted) throw new PeriscopeError('cancelled', `microsoft-365 ${label}: cancelled`);
      // A token problem (bad secret, no consent) is not a network error for the SDK to wrap and retry.
      await this.accessToken();
      await this.gate.acquire();
      let failure: GraphFailure;
      try {
        const result = await run(this.graph);
        if (typeof result !== 'object' || result === null) {
          throw new PeriscopeError(
            'malformed_response',
            `microsoft-365 ${label}: the response body is not a JSON object`,
          );
        }
        return result;
      } catch (error) {
        if (isPeriscopeError(error)) throw error;
        failure = graphFailureOf(error);
      } finally {
        this.gate.release();
      }
      if (!failure.retryable || attempt >= MAX_ATTEMPTS) throw toGraphError(failure, label, permission);
      await this.pause(failure.retryAfterMs, attempt, label, failure.status);
    }
  }

  /** Waits Retry-After when Graph gave one, else exponential backoff with jitter. */
  async pause(
    retryAfterMs: number | null,
    attempt: number,
    label: string,
    status: number | null,
  ): Promise<void> {
    const step = Math.min(MAX_DELAY_MS, this.retryBaseMs * 2 ** attempt);
    const delay = retryAfterMs ?? step / 2 + Math.random() * (step / 2);
    this.logger.debug({ call: label, status, delay }, 'retrying');
    await sleepUnlessAborted(delay, this.signal);
  }

  /**
   * GETs up to any number of Graph paths through `$batch`, 20 per call, and retries the inner
   * requests Graph throttled (429 with Retry-After) in later batches.
   */
  async batchGet(label: string, permission: string, paths: string[]): Promise<BatchResult[]> {
    const results: BatchResult[] = new Array(paths.length);
    for (let start = 0; start < paths.length; start += BATCH_SIZE) {
      let pending = paths.slice(start, start + BATCH_SIZE).map((path, i) => ({ index: start + i, path }));
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        const content = new BatchRequestContent(
          pending.map((p) => ({
            id: String(p.index),
            request: new Request(`${this.graphRoot}v1.0${p.path}`, { method: 'GET' }),
          })),
        );
        const body = await content.getContent();
        const response = await this.call(`POST /$batch (${label})`, permission, (graph) =>
          graph.api('/$batch').post(body),
        );
        const parsed = new BatchResponseContent(response as never);
        const throttled: typeof pending = [];
        let retryAfterMs: number | null = null;
        for (const p of pending) {
          const inner = parsed.getResponseById(String(p.index));
          if (!inner) {
            throw new PeriscopeError(
              'malformed_response',
              `microsoft-365 POST /$batch (${label}): no response for request ${p.index}`,
            );
          }
          if (inner.status === 429 && attempt < MAX_ATTEMPTS) {
            throttled.push(p);
            const after = Number(inner.headers.get('retry-after'));
            if (Number.isFinite(after) && after > 0) retryAfterMs = Math.max(retryAfterMs ?? 0, after * 1000);
            continue;
          }
          const text = await inner.text();
          let innerBody: unknown = null;
          try {
            innerBody = text ? JSON.parse(text) : null;
          } catch {
            innerBody = text;
          }
          results[p.index] = { status: inner.status, body: innerBody };
        }
        pending = throttled;
        if (pending.length > 0) await this.pause(retryAfterMs, attempt, `$batch ${label}`, 429);
      }
    }
    return results;
  }

  /** Fetches every page of a Graph collection (follows `@odata.nextLink`). */
  async listAll<T>(
    label: string,
    permission: string,
    path: string,
    headers: Record<string, string> = {},
  ): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const url: string = next;
      const page = (await this.call(label, permission, (graph) => graph.api(url).headers(headers).get())) as {
        value?: T[];
        '@odata.nextLink'?: string;
      };
      if (!Array.isArray(page.value)) {
        throw new PeriscopeError(
          'malformed_response',
          `microsoft-365 ${label}: a page without a value array`,
        );
      }
      items.push(...page.value);
      next = page['@odata.nextLink'];
    }
    return items;
  }

  /** A value computed once per scan and shared by the streams that need it (the user and app lists). */
  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.memo.once(key, compute);
  }

  /** A plain HTTPS GET with a token for another resource (the SharePoint admin API). */
  async getJson(label: string, permission: string, url: string, scope: string): Promise<unknown> {
    return this.call(label, permission, async () => {
      const token = await this.accessToken(scope);
      const response = await this.fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json;odata=nometadata' },
      });
      const text = await response.text();
      if (!response.ok) throw { statusCode: response.status, body: text, headers: response.headers };
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new PeriscopeError(
          'malformed_response',
          `microsoft-365 ${label}: the response body is not JSON`,
        );
      }
    });
  }
}

export function createMicrosoft365Client(
  connection: ConnectionConfig,
  credentials: Microsoft365Credentials,
  options: ClientOptions,
): Microsoft365Client {
  return new Microsoft365Client(connection, credentials, options);
}
