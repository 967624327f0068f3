/**
 * The request pipeline, in the API's order: count → faults → throttle (429) → route (404 with
 * OpenAI's "Invalid URL" body) → bearer key and scope → handler. Paths arrive without `/v1`.
 */
import type { FaultInjector } from '../faults.ts';
import type { SandboxHandler } from '../host.ts';
import type { RequestCounter } from '../request-counter.ts';
import type { Router } from '../router.ts';
import { authenticate, type KeyIndex } from './auth.ts';
import type { PageSettings, Reply } from './pagination.ts';
import type { OpenAIRoute } from './routes.ts';
import type { OpenAIThrottle } from './throttle.ts';
import type { OpenAIOrg } from './types.ts';
import { errorBody } from './wire.ts';

export interface OpenAIDispatchDeps {
  router: Router<OpenAIRoute>;
  org: () => OpenAIOrg;
  keys: KeyIndex;
  faults: FaultInjector;
  throttle: OpenAIThrottle;
  requests: RequestCounter;
  settings: PageSettings;
  /** Unix seconds, for `last_used_at` of the keys that call. */
  clock: () => number;
}

export function openaiFaultBody(message: string, status: number): unknown {
  return errorBody(message, status >= 500 ? 'server_error' : 'invalid_request_error');
}

function write(res: Parameters<SandboxHandler>[1], reply: Reply): void {
  const requestId = `req_${Math.random().toString(16).slice(2, 14)}`;
  if (reply.raw) {
    res.writeHead(reply.status, {
      'content-type': reply.raw.contentType,
      'x-request-id': requestId,
      ...reply.headers,
    });
    res.end(reply.raw.data);
    return;
  }
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'x-request-id': requestId,
    'openai-version': '2020-10-01',
    ...reply.headers,
  });
  res.end(JSON.stringify(reply.body));
}

export function createOpenAIDispatcher(deps: OpenAIDispatchDeps): SandboxHandler {
  return async (req, res, ctx) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const match = deps.router.match(method, ctx.path);
    const template = match?.template ?? ctx.path;
    res.once('finish', () => deps.requests.record(method, template, res.statusCode));
    res.once('close', () => {
      if (!res.writableFinished) deps.requests.record(method, template, 'reset');
    });
    if (await deps.faults.intercept(req, res, { method, path: ctx.path, template })) return;
    const throttled = deps.throttle.check(ctx.path, template);
    if (throttled) return write(res, throttled);
    if (!match) {
      return write(res, {
        status: 404,
        body: errorBody(`Invalid URL (${method} /v1${ctx.path})`, 'invalid_request_error'),
      });
    }
    const route = match.handler;
    const caller = authenticate(
      deps.keys,
      req.headers.authorization,
      route.access,
      route.scope,
      deps.clock(),
    );
    if ('status' in caller) return write(res, caller);
    const reply = route.handle({
      org: deps.org(),
      params: match.params,
      query: ctx.url.searchParams,
      headers: req.headers,
      settings: deps.settings,
      project: caller.kind === 'project' ? caller.project : null,
    });
    write(res, reply);
  };
}
