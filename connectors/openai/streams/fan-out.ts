/**
 * Per-project reads, many projects at once (the client's gate bounds the requests in flight),
 * gathered into batches of a few hundred assets for the store.
 */
import type { Batch } from '../../../scanner/connector.ts';
import { mergeConcurrent } from '../../../scanner/merge-concurrent.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import type { OpenAIClient } from '../client.ts';

const BATCH_ASSETS = 500;

export async function* perProject<P>(
  client: OpenAIClient,
  projects: P[],
  read: (project: P) => Promise<AssetInput[]>,
): AsyncGenerator<Batch> {
  let pending: AssetInput[] = [];
  const results = mergeConcurrent(projects, client.concurrency, async function* (project) {
    yield await read(project);
  });
  for await (const assets of results) {
    pending.push(...assets);
    if (pending.length >= BATCH_ASSETS) {
      yield { assets: pending };
      pending = [];
    }
  }
  if (pending.length > 0) yield { assets: pending };
}

export function* inBatches(assets: AssetInput[]): Generator<Batch> {
  for (let i = 0; i < assets.length; i += BATCH_ASSETS) yield { assets: assets.slice(i, i + BATCH_ASSETS) };
}
