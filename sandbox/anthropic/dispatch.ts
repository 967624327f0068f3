/**
 * The request pipeline of the simulated Admin API: count → faults → throttle → version →
 * authentication → route. Both wire styles authenticate: `x-api-key` (2023-06-01 clients) and
 * `Authorization: Bearer` (SDK 1.x); which one each call used is recorded for the tests.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults.ts';
import type { SandboxHandler } from '../host.ts';
import type { RequestCounter } from '../request-counter.ts';
import type { Router } from '../router.ts';
import type { AnthropicRoute } from './routes.ts';
import { type AnthropicApiVersion, type AnthropicOrg, anthropicApiVersions } from './types.ts';
import { errorReply, type Reply } from './wire.ts';

export interface Throttle {
  /** Every `every`-th call is answered 429 rate_limit_error. */
  every: number;
  /** Seconds in `retry-after` (fractions allowed, to keep tests fast). Default 1. */
  retryAfterSeconds?: number;
}

export interface AnthropicKeys {
  admin: string;
  /** A valid key that is not an Admin key: admin routes refuse it with 403. */
  standard: string;
}

export interface DispatchDeps {
  router: Router<AnthropicRoute>;
  org: () => AnthropicOrg;
  keys: AnthropicKeys;
  faults: FaultInjector;
  requests: RequestCounter;
  throttle: () => Throttle | null;
  /** `<x-api-key|bearer> <anthropic-version>` of every authenticated call. */
  seen: Map<string, number>;
}

function write(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'request-id': `req_${randomUUID().replaceAll('-', '')}`,
    ...reply.headers,
  });
  res.end(JSON.stringify(reply.body));
}

function presentedKey(
  headers: Record<string, string | string[] | undefined>,
): { key: string; scheme: string } | null {
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey) return { key: apiKey, scheme: 'x-api-key' };
  const auth = headers.authorization;
  const bearer = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth) : null;
  return bearer ? { key: bearer[1] as string, scheme: 'bearer' } : null;
}

export function createAnthropicDispatcher(deps: DispatchDeps): SandboxHandler {
  let served = 0;
  return async (req, res, ctx) => {
    const method = (req.method ?? 'GET').toUpperCase();
    // Mounted under /v1/organizations; routes are matched on the full path the SDK requested.
    const path = ctx.url.pathname;
    const match = deps.router.match(method, path);
    const template = match?.template ?? path;
    res.once('finish', () => deps.requests.record(method, template, res.statusCode));
    res.once('close', () => {
      if (!res.writableFinished) deps.requests.record(method, template, 'reset');
    });
    if (await deps.faults.intercept(req, res, { method, path, template })) return;

    served += 1;
    const throttle = deps.throttle();
    if (throttle && served % throttle.every === 0) {
      return write(
        res,
        errorReply(429, 'Number of request tokens has exceeded your per-minute rate limit', {
          'retry-after': String(throttle.retryAfterSeconds ?? 1),
        }),
      );
    }

    const version = req.headers['anthropic-version'];
    if (typeof version !== 'string' || !version) {
      return write(res, errorReply(400, 'anthropic-version: header is required'));
    }
    if (!(anthropicApiVersions as readonly string[]).includes(version)) {
      return write(res, errorReply(400, `anthropic-version: unknown version '${version}'`));
    }
    const presented = presentedKey(req.headers);
    if (!presented) return write(res, errorReply(401, 'x-api-key header is required'));
    if (presented.key === deps.keys.standard) {
      return write(res, errorReply(403, 'This endpoint requires an Admin API key (sk-ant-admin...).'));
    }
    if (presented.key !== deps.keys.admin) return write(res, errorReply(401, 'invalid x-api-key'));
    const seenKey = `${presented.scheme} ${version}`;
    deps.seen.set(seenKey, (deps.seen.get(seenKey) ?? 0) + 1);

    if (!match) {
      const status = deps.router.hasPath(path) ? 405 : 404;
      return write(res, errorReply(status, status === 405 ? 'Method not allowed' : 'Not found'));
    }
    // `beta=true` (0.12x SDKs) and any other unknown parameter are ignored, as the API does.
    write(
      res,
      match.handler.handle({
        params: match.params,
        query: ctx.url.searchParams,
        org: deps.org(),
        version: version as AnthropicApiVersion,
        now: new Date(),
      }),
    );
  };
}
