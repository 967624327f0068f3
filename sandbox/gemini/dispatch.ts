/**
 * The request pipeline: count → faults → token endpoint → route → credentials (bearer token
 * and scope for the API Keys API, API key for the Gemini API) → 429 switch → handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActiveFault, FaultInjector } from '../faults.ts';
import type { GoogleAuthState } from '../google/auth.ts';
import { tokenEndpoint } from '../google/token-endpoint.ts';
import type { SandboxHandler } from '../host.ts';
import type { RequestCounter } from '../request-counter.ts';
import type { Router } from '../router.ts';
import { admitApiKey } from './api-key-auth.ts';
import { API_KEYS_SCOPES } from './auth.ts';
import type { GeminiRoute } from './route-types.ts';
import type { GeminiThrottle } from './throttle.ts';
import type { GeminiTenant } from './types.ts';
import { cloudError, cloudErrorBody, type GoogleReply } from './wire.ts';

export interface GeminiDispatchDeps {
  router: Router<GeminiRoute>;
  tenant: GeminiTenant;
  auth: GoogleAuthState;
  permissions: Set<string>;
  faults: FaultInjector;
  requests: RequestCounter;
  throttle: GeminiThrottle;
  pageLimits: { keys: number; files: number };
}

const FAULT_STATUS: Record<number, string> = {
  429: 'Resource has been exhausted (e.g. check quota).',
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

/** Injected faults answer in Google's Cloud envelope. */
export function cloudFaultBody(message: string, status: number, fault: ActiveFault): unknown {
  const text = FAULT_STATUS[status] ?? message;
  return cloudErrorBody(
    status,
    text,
    fault.reason ? { reason: fault.reason, domain: 'googleapis.com' } : undefined,
  );
}

const UNAUTHENTICATED = cloudError(
  401,
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  { reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED', domain: 'googleapis.com' },
);

const SCOPE_INSUFFICIENT = cloudError(403, 'Request had insufficient authentication scopes.', {
  reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
  domain: 'googleapis.com',
  metadata: { service: 'apikeys.googleapis.com' },
});

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function write(req: IncomingMessage, res: ServerResponse, reply: GoogleReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined) {
    headers['content-type'] = 'application/json; charset=UTF-8';
    payload = JSON.stringify(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

export function createGeminiDispatcher(deps: GeminiDispatchDeps): SandboxHandler {
  return async (req, res, ctx) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const match = deps.router.match(method, ctx.path);
    const template = match?.template ?? ctx.path;
    res.once('finish', () => deps.requests.record(method, template, res.statusCode));
    res.once('close', () => {
      if (!res.writableFinished) deps.requests.record(method, template, 'reset');
    });
    if (await deps.faults.intercept(req, res, { method, path: ctx.path, template })) return;

    if (ctx.path === '/token') {
      if (method !== 'POST') return write(req, res, cloudError(405, 'Method Not Allowed'));
      const form = await readForm(req);
      return write(
        req,
        res,
        tokenEndpoint(form, deps.auth, `${ctx.origin}/token`, req.headers.authorization),
      );
    }
    if (!match) return write(req, res, cloudError(404, 'Not Found'));

    const route = match.handler;
    let grant: ReturnType<GoogleAuthState['authenticate']>;
    let apiKey: ReturnType<typeof admitApiKey> | undefined;
    if (route.auth === 'oauth') {
      grant = deps.auth.authenticate(req.headers.authorization);
      if (!grant) return write(req, res, UNAUTHENTICATED);
      if (!API_KEYS_SCOPES.some((scope) => grant?.scopes.has(scope)))
        return write(req, res, SCOPE_INSUFFICIENT);
    } else {
      apiKey = admitApiKey(req, ctx.url, deps.tenant);
      if ('status' in apiKey) return write(req, res, apiKey);
    }
    const throttled = deps.throttle.check(route.auth === 'oauth' ? 'apikeys' : 'generativelanguage');
    if (throttled) return write(req, res, throttled);
    const reply = route.handle({
      params: match.params,
      query: ctx.url.searchParams,
      tenant: deps.tenant,
      origin: ctx.origin,
      pageLimits: deps.pageLimits,
      grant,
      permissions: deps.permissions,
      apiKey: apiKey && !('status' in apiKey) ? apiKey : undefined,
    });
    write(req, res, reply);
  };
}
