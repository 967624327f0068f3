/**
 * The OpenAI client for one connection: the SDK with the admin key for `/organization/*`, one SDK
 * client per project key for the project-scoped endpoints, all on the connection's base URL and
 * the scan's counting fetch. A gate bounds the requests in flight (a JSON body is read inside the
 * gate, so the bound holds until the page is in memory); the SDK retries 429/5xx itself,
 * honouring `retry-after-ms`/`retry-after`/`x-should-retry`. Reads several streams share (the
 * project and user lists, org retention) run once per scan.
 */
import OpenAI from 'openai';
import type { AbstractPage } from 'openai/core/pagination';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { ClientOptions, ConnectionConfig } from '../../scanner/connector.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { RequestGate, withChildSignal } from '../../scanner/request-gate.ts';
import { ScanMemo } from '../../scanner/scan-memo.ts';
import { OpenAIConfig, type OpenAICredentials } from './credentials.ts';
import { toOpenAIError } from './errors.ts';
import { DEFAULTS, OPENAI_API } from './manifest.ts';

/** What the SDK's list calls resolve to: one page, and the way to the next. */
type Page = AbstractPage<unknown>;

/** The page's parsed JSON (the SDK keeps it protected; the envelope is checked here). */
const bodyOf = (page: Page) => (page as unknown as { body: unknown }).body;

export class OpenAIClient {
  readonly baseURL: string;
  readonly concurrency: number;
  readonly loginLookbackDays: number;
  readonly admin: OpenAI;
  readonly logger: Logger;
  private readonly signal: AbortSignal;
  private readonly fetch: typeof fetch;
  private readonly maxRetries: number;
  private readonly projectKeys: Record<string, string>;
  private readonly projectClients = new Map<string, OpenAI>();
  private readonly memo = new ScanMemo({ keepFailures: false });

  constructor(connection: ConnectionConfig, credentials: OpenAICredentials, options: ClientOptions) {
    const config = OpenAIConfig.parse(connection.config);
    this.baseURL = (connection.baseUrl ?? OPENAI_API).replace(/\/+$/, '');
    this.concurrency = Math.max(1, Number(config.concurrency ?? DEFAULTS.concurrency));
    this.maxRetries = Number(config.maxRetries ?? DEFAULTS.maxRetries);
    this.loginLookbackDays = Number(config.loginLookbackDays ?? DEFAULTS.loginLookbackDays);
    this.logger = options.logger.child({ provider: 'openai', connectionId: connection.id });
    this.signal = options.signal;
    this.projectKeys = credentials.projectKeys ?? {};
    this.fetch = gatedFetch(new RequestGate(this.concurrency), options.http.wrapFetch());
    this.admin = this.sdk({ adminAPIKey: credentials.adminKey });
  }

  private sdk(auth: { adminAPIKey?: string; apiKey?: string }): OpenAI {
    return new OpenAI({
      apiKey: null as unknown as string, // never the OPENAI_API_KEY of the scanner's environment
      adminAPIKey: null,
      ...auth,
      organization: null,
      project: null,
      baseURL: this.baseURL,
      fetch: this.fetch,
      maxRetries: this.maxRetries,
      timeout: 60_000,
      logLevel: 'off',
    });
  }

  /** Project ids the connection holds a key for. */
  get keyedProjects(): string[] {
    return Object.keys(this.projectKeys);
  }

  /** The SDK client for one project's key, or null when the connection has none for it. */
  forProject(projectId: string): OpenAI | null {
    const key = this.projectKeys[projectId];
    if (!key) return null;
    let client = this.projectClients.get(projectId);
    if (!client) {
      client = this.sdk({ apiKey: key });
      this.projectClients.set(projectId, client);
    }
    return client;
  }

  /** One SDK call with errors mapped to Periscope codes. */
  async call<T>(label: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.signal.aborted) throw new PeriscopeError('cancelled', `openai ${label}: cancelled`);
    try {
      return await withChildSignal(this.signal, run);
    } catch (error) {
      throw toOpenAIError(error, label);
    }
  }

  /**
   * Every item of a list, page by page, each item parsed with its lenient schema. A page that is
   * not a list, or says `has_more` without a cursor to continue from, fails the read: a silently
   * short list would resolve findings that are still true.
   */
  async listAll<S extends z.ZodType>(
    label: string,
    schema: S,
    first: (signal: AbortSignal) => PromiseLike<Page>,
  ): Promise<Array<z.infer<S>>> {
    // One signal for every page: getNextPage reuses the first request's options.
    return withChildSignal(this.signal, async (listSignal) => {
      const items: Array<z.infer<S>> = [];
      let page = await this.call(label, () => Promise.resolve(first(listSignal)));
      for (;;) {
        const body = bodyOf(page) as { data?: unknown; has_more?: unknown } | null;
        if (!body || typeof body !== 'object' || !Array.isArray(body.data))
          throw new PeriscopeError('malformed_response', `openai ${label}: a page without a data array`);
        for (const raw of body.data) items.push(parseItem(label, schema, raw));
        if (!page.hasNextPage()) {
          if (body.has_more === true)
            throw new PeriscopeError(
              'malformed_response',
              `openai ${label}: has_more is true but the page names no cursor`,
            );
          return items;
        }
        const current = page;
        page = await this.call(label, () => current.getNextPage() as Promise<Page>);
      }
    });
  }

  /** One object, parsed with its lenient schema. */
  async getOne<S extends z.ZodType>(
    label: string,
    schema: S,
    run: (signal: AbortSignal) => PromiseLike<unknown>,
  ) {
    const raw = await this.call(label, (signal) => Promise.resolve(run(signal)));
    return parseItem(label, schema, raw);
  }

  /** A value computed once per scan and shared by the streams that need it. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.memo.once(key, compute);
  }
}

function parseItem<S extends z.ZodType>(label: string, schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new PeriscopeError(
    'malformed_response',
    `openai ${label}: unexpected object (${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'})`,
  );
}

/** Bounds requests in flight; JSON bodies are read inside the bound, downloads stream after it. */
function gatedFetch(gate: RequestGate, inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    await gate.acquire();
    try {
      const response = await inner(input, init);
      if (!(response.headers.get('content-type') ?? '').includes('json')) return response;
      const body = response.status === 204 || response.status === 304 ? null : await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      gate.release();
    }
  };
}

export function createOpenAIClient(
  connection: ConnectionConfig,
  credentials: OpenAICredentials,
  options: ClientOptions,
): OpenAIClient {
  return new OpenAIClient(connection, credentials, options);
}
