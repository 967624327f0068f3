/**
 * The request pipeline every GitHub call goes through, in GitHub's order: count → faults →
 * API version → authentication → route → token rules → primary rate limit → handler → ETag
 * (a matching `if-none-match` gets an empty 304 that spends nothing) → rate-limit headers.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults.ts';
import type { SandboxHandler } from '../host.ts';
import type { RequestCounter } from '../request-counter.ts';
import type { Router } from '../router.ts';
import type { GitHubAuth, Identity } from './auth.ts';
import type { RateLimiter, RateLimitState } from './rate-limit.ts';
import { errorReply, notFound, type Reply } from './rest.ts';
import type { GitHubRoute, RouteAccess } from './route-types.ts';
import type { ApiVersion } from './serialize.ts';
import type { GitHubTenant } from './types.ts';

const VERSIONS: readonly string[] = ['2022-11-28', '2026-03-10'];

export interface DispatchDeps {
  router: Router<GitHubRoute>;
  tenant: () => GitHubTenant;
  auth: GitHubAuth;
  limiter: RateLimiter;
  faults: FaultInjector;
  requests: RequestCounter;
  ghec: boolean;
}

function accessDenied(access: RouteAccess, identity: Identity): Reply | undefined {
  if (access === 'any') return undefined;
  if (access === 'app') {
    return identity.kind === 'app' ? undefined : errorReply(401, 'A JSON web token could not be decoded');
  }
  if (identity.kind === 'app') return errorReply(403, 'Resource not accessible by integration');
  if (access === 'installation' && identity.kind === 'user') {
    return errorReply(403, 'Resource not accessible by personal access token', {
      'x-accepted-github-permissions': 'organization_personal_access_tokens=read',
    });
  }
  if (access === 'owner' && identity.kind === 'user' && !identity.owner) {
    return errorReply(403, 'You must be an organization owner to access this resource.');
  }
  return undefined;
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const etagOf = (json: string) => `W/"${createHash('sha1').update(json).digest('hex')}"`;

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

function write(
  req: IncomingMessage,
  res: ServerResponse,
  reply: Reply,
  headers: Record<string, string>,
  json = reply.body === undefined ? '' : JSON.stringify(reply.body),
): void {
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-request-id': randomUUID().toUpperCase(),
    ...headers,
    ...reply.headers,
  });
  res.end(req.method === 'HEAD' ? undefined : json);
}

export function createGitHubDispatcher(deps: DispatchDeps): SandboxHandler {
  return async (req, res, ctx) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const match = deps.router.match(method, ctx.path);
    const template = match?.template ?? ctx.path;
    res.once('finish', () => deps.requests.record(method, template, res.statusCode));
    res.once('close', () => {
      if (!res.writableFinished) deps.requests.record(method, template, 'reset');
    });

    if (await deps.faults.intercept(req, res, { method, path: ctx.path, template })) return;

    const versionHeader = req.headers['x-github-api-version'];
    const version = (Array.isArray(versionHeader) ? versionHeader[0] : versionHeader) ?? '2022-11-28';
    const versionHeaders = { 'x-github-api-version-selected': version };
    if (!VERSIONS.includes(version)) {
      return write(req, res, errorReply(410, `API version ${version} is not supported.`), {});
    }
    const body = method === 'POST' ? await readJsonBody(req) : undefined;
    const identity = deps.auth.authenticate(req.headers.authorization);
    if ('status' in identity) return write(req, res, identity, versionHeaders);

    const rateHeaders = (state: RateLimitState) => ({ ...versionHeaders, ...deps.limiter.headers(state) });
    const budget = deps.limiter.peek(identity.rateKey);
    const free = match?.handler.free ?? false;
    if (!free && budget.remaining === 0) {
      const message = `API rate limit exceeded for ${identity.kind} ID ${identity.rateKey.split(':')[1]}.`;
      return write(req, res, errorReply(403, message), rateHeaders(budget));
    }

    const route = match?.handler;
    const reply: Reply = !route
      ? notFound()
      : (accessDenied(route.access, identity) ??
        route.handle({
          params: match.params,
          query: ctx.url.searchParams,
          url: ctx.url,
          identity,
          tenant: deps.tenant(),
          wire: { api: `${ctx.origin}${ctx.prefix}`, org: deps.tenant().org, version: version as ApiVersion },
          auth: deps.auth,
          ghec: deps.ghec,
          body,
        }));

    let json: string | undefined;
    if (reply.status === 200 && reply.cacheable !== false) {
      json = JSON.stringify(reply.body);
      const etag = etagOf(json);
      // Conditional hit: empty 304 and the primary budget is left untouched, as on GitHub.
      if (etagMatches(req.headers['if-none-match'], etag)) {
        res.writeHead(304, { etag, ...rateHeaders(deps.limiter.peek(identity.rateKey)) });
        res.end();
        return;
      }
      reply.headers = { ...reply.headers, etag };
    }
    const state = free ? deps.limiter.peek(identity.rateKey) : deps.limiter.spend(identity.rateKey);
    write(req, res, reply, rateHeaders(state), json);
  };
}
