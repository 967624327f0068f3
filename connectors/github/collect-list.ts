/**
 * The shape most GitHub streams share: walk one list conditionally, normalize each page into
 * one batch, checkpoint at the next page, and keep the ETag cache for the next scan.
 */

import type { z } from 'zod';
import type { Batch, Checkpoint } from '../../scanner/connector.ts';
import type { AssetInput } from '../../scanner/model.ts';
import type { GitHubClient } from './client.ts';
import { conditionalGet, type FetchedPage } from './conditional-get.ts';
import type { GitHubContext } from './context.ts';
import type { NotFoundMeaning } from './errors.ts';
import { type ListRequest, listPages } from './list-pages.ts';
import { PageCache } from './page-cache.ts';

/** The page URL a checkpoint says to resume from, if any. */
export function resumeUrl(checkpoint: Checkpoint | undefined): string | undefined {
  return typeof checkpoint?.next === 'string' ? checkpoint.next : undefined;
}

export async function* collectList<T>(
  ctx: GitHubContext,
  stream: string,
  request: ListRequest<T>,
  normalize: (item: T, observedAt: string) => AssetInput | AssetInput[],
  checkpoint?: Checkpoint,
): AsyncGenerator<Batch> {
  const cache = await PageCache.load(ctx.state, stream);
  const start = resumeUrl(checkpoint);
  try {
    for await (const page of listPages(ctx.client, cache, request, start)) {
      const observedAt = new Date().toISOString();
      yield {
        assets: page.items.flatMap((item) => normalize(item, observedAt)),
        checkpoint: { next: page.next },
      };
    }
  } finally {
    await cache.save(start !== undefined);
  }
}

/** One conditional GET of a non-list resource, e.g. `GET /orgs/{org}`. */
export function getResource<T>(
  octokit: GitHubClient,
  cache: PageCache,
  route: string,
  params: Record<string, string>,
  schema: z.ZodType<T>,
  notFound?: NotFoundMeaning,
): Promise<FetchedPage<T>> {
  return conditionalGet(octokit, cache, octokit.request.endpoint(route, params).url, schema, notFound);
}
