/**
 * One conditional GET of a GitHub resource or list page, with its body validated at the edge.
 * Octokit throws a 304 as a RequestError; here it becomes "use the cached body".
 */
import type { z } from 'zod';
import type { GitHubClient } from './client.ts';
import { isRequestError, malformedResponse, type NotFoundMeaning, toGitHubError } from './errors.ts';
import type { PageCache } from './page-cache.ts';

export interface FetchedPage<T> {
  body: T;
  next: string | null;
  notModified: boolean;
}

const nextLink = /<([^<>]+)>;\s*rel="next"/;

/** JSON when it parses, else the raw text, which the schema check below reports as "not JSON". */
async function parseBody(body: ReadableStream | null): Promise<unknown> {
  const text = body ? await new Response(body).text() : '';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function conditionalGet<T>(
  octokit: GitHubClient,
  cache: PageCache,
  url: string,
  schema: z.ZodType<T>,
  notFound?: NotFoundMeaning,
): Promise<FetchedPage<T>> {
  const cached = cache.lookup(url);
  const headers: Record<string, string> = cached ? { 'if-none-match': cached.etag } : {};
  let response: { status: number; headers: Record<string, string | number | undefined>; data: unknown };
  try {
    // The body is parsed here with JSON.parse: Octokit's own parser (json-with-bigint) cost more
    // CPU than the rest of the request on a 2,000-repository fan-out.
    response = await octokit.request({
      method: 'GET',
      url,
      headers,
      request: { parseSuccessResponseBody: false },
    });
    response.data = await parseBody(response.data as ReadableStream | null);
  } catch (error) {
    if (cached && isRequestError(error) && error.status === 304) {
      cache.remember(url, cached);
      // The body was validated when it was stored.
      return { body: cached.body as T, next: cached.next, notModified: true };
    }
    throw toGitHubError(error, url, notFound);
  }
  const parsed = schema.safeParse(response.data);
  if (!parsed.success) {
    const problem =
      typeof response.data === 'string' ? 'not JSON' : (parsed.error.issues[0]?.message ?? 'invalid');
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw malformedResponse(url, response.status, where ? `${problem} at ${where}` : problem);
  }
  const next = String(response.headers.link ?? '').match(nextLink)?.[1] ?? null;
  const etag = response.headers.etag;
  if (typeof etag === 'string') cache.remember(url, { etag, next, body: parsed.data });
  return { body: parsed.data, next, notModified: false };
}
