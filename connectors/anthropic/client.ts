/**
 * The Anthropic client for one connection: the official SDK on the connection's base URL and
 * wire version, with the scan's counting fetch behind a gate that bounds requests in flight,
 * SDK retries tuned for a scan, and page-by-page reading that checks each body before trusting
 * its cursor (the SDK silently stops on a page without `last_id`).
 */
import Anthropic from '@anthropic-ai/sdk';
import { type AbstractPage, ReportPageCursor } from '@anthropic-ai/sdk/pagination';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ClientOptions, ConnectionConfig } from '../../scanner/connector.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { RequestGate } from '../../scanner/request-gate.ts';
import { ScanMemo } from '../../scanner/scan-memo.ts';
import { AnthropicConfig, type AnthropicCredentials } from './credentials.ts';
import { malformedResponse, toAnthropicError } from './errors.ts';
import { type AnthropicApiVersion, anthropicManifest } from './manifest.ts';

const ListBody = z.object({
  data: z.array(z.unknown()),
  has_more: z.boolean(),
  last_id: z.string().nullish(),
});

const ReportBody = z.object({
  data: z.array(z.object({ starting_at: z.string(), ending_at: z.string(), results: z.array(z.unknown()) })),
  has_more: z.boolean(),
  next_page: z.string().nullish(),
});

export interface ReportBucket<T> {
  startingAt: string;
  endingAt: string;
  results: T[];
}

// biome-ignore lint/suspicious/noExplicitAny: any SDK page class (users, keys, reports …)
type SdkPage = AbstractPage<any>;

/** The page's JSON as received: the SDK's own fields default a missing `data` to [] and would hide it. */
function rawBody(page: SdkPage): unknown {
  return (page as unknown as { body: unknown }).body;
}

export class AnthropicClient {
  readonly sdk: Anthropic;
  readonly apiVersion: AnthropicApiVersion;
  readonly concurrency: number;
  readonly pageSize: number;
  readonly reportPageSize: number;
  readonly usageLookbackDays: number;
  readonly logger: Logger;
  private readonly signal: AbortSignal;
  private readonly memo = new ScanMemo({ keepFailures: true });

  constructor(connection: ConnectionConfig, credentials: AnthropicCredentials, options: ClientOptions) {
    const config = AnthropicConfig.parse(connection.config);
    const { retry } = anthropicManifest;
    this.apiVersion = config.apiVersion ?? anthropicManifest.defaultApiVersion;
    this.concurrency = Number(config.concurrency ?? retry.concurrency);
    this.pageSize = Number(config.pageSize ?? anthropicManifest.maxPageSize);
    this.reportPageSize = Number(config.reportPageSize ?? anthropicManifest.maxReportBuckets);
    this.usageLookbackDays = Number(config.usageLookbackDays ?? anthropicManifest.defaultUsageLookbackDays);
    this.logger = options.logger.child({ provider: 'anthropic', connectionId: connection.id });
    this.signal = options.signal;
    const gate = new RequestGate(this.concurrency);
    const counted = options.http.wrapFetch();
    const gated: typeof fetch = async (input, init) => {
      await gate.acquire();
      try {
        return await counted(input, init);
      } finally {
        gate.release();
      }
    };
    this.sdk = new Anthropic({
      apiKey: credentials.adminKey,
      baseURL: (connection.baseUrl ?? anthropicManifest.defaultBaseUrl).replace(/\/+$/, ''),
      fetch: gated,
      maxRetries: Number(config.maxRetries ?? retry.maxRetries),
      timeout: retry.timeoutMs,
      // The SDK's own logging would duplicate ours; errors reach the scan as PeriscopeErrors.
      logLevel: 'off',
      // The legacy wire: the key in x-api-key, the SDK's Bearer header removed (null deletes it).
      ...(this.apiVersion === '2023-06-01'
        ? {
            defaultHeaders: {
              Authorization: null,
              'x-api-key': credentials.adminKey,
              'anthropic-version': '2023-06-01',
            },
          }
        : {}),
    });
  }

  /** One promise per key for the client's life (one scan): streams that need the same data share it. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.memo.once(key, compute);
  }

  async call<T>(endpoint: string, run: (sdk: Anthropic) => Promise<T>): Promise<T> {
    if (this.signal.aborted) throw new PeriscopeError('cancelled', `anthropic ${endpoint}: cancelled`);
    try {
      return await run(this.sdk);
    } catch (error) {
      throw toAnthropicError(error, endpoint);
    }
  }

  /** Pages of an id-cursor list, each item checked by `item`. */
  async *list<T>(
    endpoint: string,
    first: (sdk: Anthropic) => PromiseLike<SdkPage>,
    item: z.ZodType<T>,
  ): AsyncGenerator<T[]> {
    let page = await this.call(endpoint, async (sdk) => first(sdk));
    for (;;) {
      const body = ListBody.safeParse(rawBody(page));
      if (!body.success) throw malformedResponse(endpoint, z.prettifyError(body.error));
      yield parseItems(endpoint, body.data.data, item);
      if (!body.data.has_more) return;
      if (!body.data.last_id) throw malformedResponse(endpoint, 'has_more is true but last_id is missing');
      const current = page;
      page = await this.call(endpoint, () => current.getNextPage());
    }
  }

  /** Pages of time buckets from a report endpoint (`page`/`next_page` continuation). */
  async *report<T>(
    endpoint: string,
    path: string,
    query: Record<string, unknown>,
    item: z.ZodType<T>,
  ): AsyncGenerator<ReportBucket<T>[]> {
    let page: SdkPage = await this.call(endpoint, async (sdk) =>
      sdk.getAPIList(path, ReportPageCursor<unknown>, { query }),
    );
    for (;;) {
      const body = ReportBody.safeParse(rawBody(page));
      if (!body.success) throw malformedResponse(endpoint, z.prettifyError(body.error));
      yield body.data.data.map((bucket) => ({
        startingAt: bucket.starting_at,
        endingAt: bucket.ending_at,
        results: parseItems(endpoint, bucket.results, item),
      }));
      if (!body.data.has_more) return;
      if (!body.data.next_page)
        throw malformedResponse(endpoint, 'has_more is true but next_page is missing');
      const current = page;
      page = await this.call(endpoint, () => current.getNextPage());
    }
  }
}

function parseItems<T>(endpoint: string, items: unknown[], schema: z.ZodType<T>): T[] {
  return items.map((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw malformedResponse(endpoint, `item ${index}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

export function createAnthropicClient(
  connection: ConnectionConfig,
  credentials: AnthropicCredentials,
  options: ClientOptions,
): AnthropicClient {
  return new AnthropicClient(connection, credentials, options);
}
