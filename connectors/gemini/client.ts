/**
 * The Gemini client for one connection: the API Keys API (googleapis, authenticated as the
 * service account through a JWT grant) and the Gemini API files (@google/genai with the
 * connection's Gemini API key), both on the scan's counting fetch. Every call goes through
 * `execute`: a bounded number in flight, backoff with jitter (or Google's requested pause) on
 * 429/5xx — neither SDK retries here — and errors mapped to Periscope codes.
 */
import { GoogleGenAI } from '@google/genai';
import { gaxios, JWT } from 'google-auth-library';
import { apikeys, type apikeys_v2 } from 'googleapis/build/src/apis/apikeys/index.js';
import type { Logger } from 'pino';
import type { ClientOptions, ConnectionConfig } from '../../scanner/connector.ts';
import { isPeriscopeError, PeriscopeError } from '../../scanner/errors.ts';
import { RequestGate, sleepUnlessAborted } from '../../scanner/request-gate.ts';
import { GeminiConfig, type GeminiCredentials } from './credentials.ts';
import { type CallSite, describeCloudError, isRetryable, toGeminiError, toTokenError } from './errors.ts';
import { GEMINI_MANIFEST } from './manifest.ts';

const MAX_ATTEMPTS = 6;
const MAX_DELAY_MS = 32_000;

export type GeminiFiles = GoogleGenAI['files'];

export class GeminiClient {
  readonly projectId: string;
  /** The service account the API Keys API sees. */
  readonly principal: string;
  readonly signal: AbortSignal;
  private readonly retryBaseMs: number;
  private readonly gate: RequestGate;
  private readonly logger: Logger;
  private readonly jwt: JWT;
  private readonly keysApi: apikeys_v2.Apikeys;
  private readonly genai: GoogleGenAI | null;
  private authorized: Promise<void> | undefined;

  constructor(connection: ConnectionConfig, credentials: GeminiCredentials, options: ClientOptions) {
    const config = GeminiConfig.parse(connection.config);
    this.projectId = config.projectId;
    this.principal = credentials.serviceAccountKey.client_email;
    this.signal = options.signal;
    this.retryBaseMs = Number(config.retryBaseMs ?? 1000);
    this.gate = new RequestGate(Math.max(1, Number(config.concurrency ?? 4)));
    this.logger = options.logger.child({ provider: 'gemini', connectionId: connection.id });
    const base = connection.baseUrl?.replace(/\/+$/, '') ?? null;
    const tokenUrl = config.tokenUrl ?? (base ? `${new URL(base).origin}/token` : GEMINI_MANIFEST.tokenUrl);
    const fetchImplementation = options.http.wrapFetch();

    this.jwt = new JWT({
      email: credentials.serviceAccountKey.client_email,
      key: credentials.serviceAccountKey.private_key,
      keyId: credentials.serviceAccountKey.private_key_id,
      scopes: [GEMINI_MANIFEST.scope],
      transporter: tokenTransporter(fetchImplementation, tokenUrl),
    });
    this.keysApi = apikeys({
      version: 'v2',
      auth: this.jwt,
      rootUrl: config.apiKeysRootUrl ?? (base ? `${base}/` : GEMINI_MANIFEST.apiKeysRootUrl),
      retry: false,
    });
    this.genai = credentials.geminiApiKey
      ? new GoogleGenAI({
          apiKey: credentials.geminiApiKey,
          httpOptions: {
            baseUrl: config.geminiBaseUrl ?? base ?? GEMINI_MANIFEST.geminiBaseUrl,
            apiVersion: 'v1beta',
            fetch: fetchImplementation,
          },
        })
      : null;
  }

  /** The API Keys API (v2). */
  apiKeys(): apikeys_v2.Apikeys {
    return this.keysApi;
  }

  /** The Gemini API files, or null when the connection has no Gemini API key. */
  files(): GeminiFiles | null {
    return this.genai?.files ?? null;
  }

  /**
   * One token for the scan, obtained up front so a bad key is reported as such (auth_failed)
   * rather than as a failed API call. Streams share it; a failure is not cached.
   */
  authorize(): Promise<void> {
    this.authorized ??= this.retrying(
      { api: 'apikeys', call: 'POST /token', projectId: this.projectId },
      async () => {
        try {
          await this.jwt.authorize();
        } catch (error) {
          throw toTokenError(error, this.principal);
        }
      },
    );
    this.authorized.catch(() => {
      this.authorized = undefined;
    });
    return this.authorized;
  }

  /**
   * One API call: gated, retried on 429/5xx/network with backoff, errors mapped. `run` gets a
   * signal that aborts with the scan and is let go after the attempt (genai keeps a listener
   * on the signal it is given, so the scan's own signal would collect one per page).
   */
  execute<T>(
    site: Omit<CallSite, 'projectId' | 'principal'>,
    run: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    return this.retrying({ ...site, projectId: this.projectId, principal: this.principal }, run);
  }

  private async retrying<T>(site: CallSite, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.signal.aborted) throw new PeriscopeError('cancelled', `gemini ${site.call}: cancelled`);
      await this.gate.acquire();
      const attemptSignal = new AbortController();
      const abort = () => attemptSignal.abort();
      this.signal.addEventListener('abort', abort, { once: true });
      let failure: unknown;
      try {
        return await run(attemptSignal.signal);
      } catch (error) {
        failure = error;
      } finally {
        this.signal.removeEventListener('abort', abort);
        this.gate.release();
      }
      const retryable = isPeriscopeError(failure)
        ? failure.retryable && failure.code !== 'cancelled'
        : isRetryable(failure, describeCloudError(failure));
      if (!retryable || attempt >= MAX_ATTEMPTS) throw toGeminiError(failure, site);
      const shape = describeCloudError(failure);
      // Exponential backoff with jitter, as Google's guides ask; Google's own pause wins when longer.
      const step = Math.min(MAX_DELAY_MS, this.retryBaseMs * 2 ** attempt);
      const delay = Math.min(
        MAX_DELAY_MS,
        Math.max(shape.retryAfterMs ?? 0, step / 2 + Math.random() * (step / 2)),
      );
      this.logger.debug({ call: site.call, status: shape.status, reason: shape.reason, delay }, 'retrying');
      await sleepUnlessAborted(delay, this.signal);
    }
  }
}

/**
 * gtoken posts the JWT to a hard-coded oauth2.googleapis.com; the interceptor sends it to the
 * connection's token endpoint. Token and API calls both go through the scan's counting fetch.
 */
function tokenTransporter(fetchImplementation: typeof fetch, tokenUrl: string): gaxios.Gaxios {
  const transporter = new gaxios.Gaxios({ fetchImplementation });
  if (tokenUrl !== GEMINI_MANIFEST.tokenUrl) {
    const target = new URL(tokenUrl);
    transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url).startsWith(GEMINI_MANIFEST.tokenUrl)) config.url = target;
        return config;
      },
    });
  }
  return transporter;
}

export function createGeminiClient(
  connection: ConnectionConfig,
  credentials: GeminiCredentials,
  options: ClientOptions,
): GeminiClient {
  return new GeminiClient(connection, credentials, options);
}
