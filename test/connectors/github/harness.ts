/**
 * Runs the GitHub connector against the simulator the way a scan does: a client from the
 * connector's createClient, a counting fetch, and stream state kept in memory (JSON round-trip,
 * like the database) so a second scan sees the ETags of the first.
 */
import pino from 'pino';
import type { GitHubCredentials } from '../../../connectors/github/credentials.ts';
import { type GitHubClient, githubConnector } from '../../../connectors/github/index.ts';
import type { GitHubSimulator } from '../../../sandbox/github/index.ts';
import type { Batch, Checkpoint, ConnectorContext, StreamState } from '../../../scanner/connector.ts';
import { HttpCallCounter } from '../../../scanner/http-counter.ts';
import { type Asset, assetKey, parseAsset } from '../../../scanner/model.ts';

export type AuthMode = 'owner-token' | 'member-token' | 'app';

export function memoryState(): StreamState & { keys(): string[] } {
  const store = new Map<string, string>();
  return {
    async get<T>(key: string) {
      const value = store.get(key);
      return value === undefined ? undefined : (JSON.parse(value) as T);
    },
    async set(key, value) {
      store.set(key, JSON.stringify(value));
    },
    keys: () => [...store.keys()],
  };
}

export function githubContext(
  sim: GitHubSimulator,
  auth: AuthMode,
  state: StreamState = memoryState(),
): ConnectorContext<GitHubCredentials, GitHubClient> {
  const credentials: GitHubCredentials =
    auth === 'app'
      ? { appId: sim.app.appId, privateKey: sim.app.privateKey }
      : { token: auth === 'owner-token' ? sim.token : sim.memberToken };
  const config: Record<string, string> = { org: sim.org, retryBaseMs: '1' };
  if (auth === 'app') config.installationId = String(sim.app.installationId);
  const connection = {
    id: 'conn-gh',
    tenantId: 'tenant-1',
    provider: 'github' as const,
    baseUrl: sim.baseUrl,
    config,
  };
  const logger = pino({ level: 'silent' });
  const http = new HttpCallCounter();
  const signal = new AbortController().signal;
  const client = githubConnector.createClient(connection, credentials, { logger, http, signal });
  return { connection, credentials, client, logger, signal, http, state };
}

export function streamNamed(name: string) {
  const stream = githubConnector.streams.find((s) => s.name === name);
  if (!stream) throw new Error(`no github stream ${name}`);
  return stream;
}

export async function collectBatches(
  ctx: ConnectorContext<GitHubCredentials, GitHubClient>,
  name: string,
  checkpoint?: Checkpoint,
): Promise<Batch[]> {
  const batches: Batch[] = [];
  for await (const batch of streamNamed(name).collect(ctx, checkpoint)) batches.push(batch);
  return batches;
}

/** Every asset a stream yields, validated by the model parser. */
export async function collectAssets(
  ctx: ConnectorContext<GitHubCredentials, GitHubClient>,
  name: string,
): Promise<Asset[]> {
  const batches = await collectBatches(ctx, name);
  return batches.flatMap((batch) => batch.assets.map(parseAsset));
}

export const keysOf = (assets: Asset[]) => assets.map(assetKey).sort();
