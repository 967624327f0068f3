/**
 * Walks a paginated GitHub list page by page, conditionally. Octokit's paginate.iterator cannot
 * be used here: it ends at the first thrown 304 and would send page 1's ETag to every page.
 * This walker follows the same absolute `rel="next"` Link URLs, asks for 100 items a page, and
 * on a 304 continues with the next-page URL remembered from the previous scan.
 */
import { z } from 'zod';
import type { GitHubClient } from './client.ts';
import { conditionalGet } from './conditional-get.ts';
import type { NotFoundMeaning } from './errors.ts';
import { githubManifest } from './manifest.ts';
import type { PageCache } from './page-cache.ts';

export interface ListRequest<T> {
  /** Octokit route with placeholders, e.g. 'GET /orgs/{org}/members'. */
  route: string;
  params: Record<string, string | number | boolean>;
  item: z.ZodType<T>;
  /** Lists GitHub wraps as `{ total_count, <key>: [...] }`, e.g. 'installations'. */
  wrappedIn?: string;
  notFound?: NotFoundMeaning;
}

export interface ListPage<T> {
  items: T[];
  /** This page's URL and the next one (null on the last page): the resume checkpoint. */
  url: string;
  next: string | null;
  notModified: boolean;
}

/**
 * The first page's absolute URL: path placeholders filled, the other params as the query. Built
 * here rather than through Octokit's endpoint parser, which cost ~40 µs a call on a 2,000-call
 * fan-out, and the URL doubles as the ETag cache key.
 */
export function firstPageUrl(
  octokit: GitHubClient,
  request: Pick<ListRequest<unknown>, 'route' | 'params'>,
): string {
  const path = request.route.replace(/^GET /, '');
  const query = new URLSearchParams();
  const used = new Set<string>();
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    used.add(name);
    return encodeURIComponent(String(request.params[name] ?? ''));
  });
  for (const [name, value] of Object.entries(request.params))
    if (!used.has(name)) query.set(name, String(value));
  query.set('per_page', String(githubManifest.perPage));
  return `${octokit.request.endpoint.DEFAULTS.baseUrl}${filled}?${query}`;
}

export async function* listPages<T>(
  octokit: GitHubClient,
  cache: PageCache,
  request: ListRequest<T>,
  startUrl?: string,
): AsyncGenerator<ListPage<T>> {
  const items = z.array(request.item);
  const schema = request.wrappedIn
    ? z.object({ [request.wrappedIn]: items }).transform((body) => body[request.wrappedIn as string] as T[])
    : items;
  let url: string | null = startUrl ?? firstPageUrl(octokit, request);
  while (url) {
    const page: { body: T[]; next: string | null; notModified: boolean } = await conditionalGet(
      octokit,
      cache,
      url,
      schema as z.ZodType<T[]>,
      request.notFound,
    );
    yield { items: page.body, url, next: page.next, notModified: page.notModified };
    url = page.next;
  }
}

/** Every item of a list, for the small lists a stream needs whole (admins, 2FA-disabled ids). */
export async function collectAll<T>(
  octokit: GitHubClient,
  cache: PageCache,
  request: ListRequest<T>,
): Promise<T[]> {
  const all: T[] = [];
  for await (const page of listPages(octokit, cache, request)) all.push(...page.items);
  return all;
}
