/**
 * The connector contract. A connector knows one vendor: how to build its SDK client for a
 * connection, which streams (API surfaces) it offers, and how to prove credentials work.
 * Streams yield batches of model assets with a checkpoint to resume after.
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { HttpCallCounter } from './http-counter.ts';
import type { AssetInput, AssetKind, FileAsset, Provider } from './model.ts';

export type Checkpoint = Record<string, unknown>;

export interface Batch {
  assets: AssetInput[];
  /** Where to resume after this batch; omitted when the stream cannot resume mid-way. */
  checkpoint?: Checkpoint;
  /**
   * This pass reads only what changed (a change feed): assets it does not yield are unchanged,
   * not gone, so they and their findings are kept. Sticky for the rest of the stream's run.
   */
  delta?: boolean;
  /**
   * In a delta pass, the assets the vendor reported deleted. With `owner`, only if the stored
   * asset still has that owner (a feed may report a file gone that only left its reader's view).
   * An asset some batch of this scan returned is never removed (it moved, it is not gone).
   */
  removed?: Array<{ kind: AssetKind; externalId: string; owner?: string }>;
}

/** Per-connection, non-secret configuration plus the endpoint override. */
export interface ConnectionConfig {
  id: string;
  tenantId: string;
  provider: Provider;
  /** Same value as the vendor SDK's own base-URL option (Octokit baseUrl, OpenAI baseURL …). */
  baseUrl: string | null;
  config: Record<string, string>;
}

/** Small per-connection state a stream keeps between scans (ETags, delta links, page tokens). */
export interface StreamState {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export interface ConnectorContext<C, Client> {
  connection: ConnectionConfig;
  credentials: C;
  client: Client;
  logger: Logger;
  signal: AbortSignal;
  http: HttpCallCounter;
  state: StreamState;
}

export interface Stream<C, Client> {
  /** Stable name: 'members', 'org-settings' … rules refer to it. */
  name: string;
  /** Kinds this stream is authoritative for. */
  kinds: AssetKind[];
  collect(ctx: ConnectorContext<C, Client>, checkpoint?: Checkpoint): AsyncIterable<Batch>;
}

export interface ClientOptions {
  logger: Logger;
  http: HttpCallCounter;
  signal: AbortSignal;
}

export interface Connector<C = unknown, Client = unknown> {
  provider: Provider;
  /** Secret part of a connection, validated before it is encrypted and stored. */
  credentials: z.ZodType<C>;
  /** Non-secret configuration keys, validated at `connection add`. */
  config: z.ZodType<Record<string, string>>;
  createClient(connection: ConnectionConfig, credentials: C, options: ClientOptions): Client;
  streams: Stream<C, Client>[];
  /** One cheap call that proves the credentials work; throws a PeriscopeError otherwise. */
  verify(ctx: ConnectorContext<C, Client>): Promise<void>;
  /**
   * Downloads a file's content for DLP inspection (exports for native documents), or null when
   * the vendor cannot serve it (the file is then reported as not inspectable, never as clean).
   */
  fetchContent?(ctx: ConnectorContext<C, Client>, file: FileAsset): Promise<FileContent | null>;
  /** Content downloads per second this vendor tolerates per connection (vendor fact, default 5). */
  contentRatePerSecond?: number;
}

export interface FileContent {
  body: AsyncIterable<Uint8Array> | Uint8Array;
  mimeType: string | null;
  fileName: string | null;
}

export function defineConnector<C, Client>(connector: Connector<C, Client>): Connector<C, Client> {
  const names = new Set<string>();
  for (const stream of connector.streams) {
    if (names.has(stream.name)) throw new Error(`${connector.provider}: duplicate stream ${stream.name}`);
    names.add(stream.name);
  }
  return connector;
}

export function defineStream<C, Client>(stream: Stream<C, Client>): Stream<C, Client> {
  return stream;
}
