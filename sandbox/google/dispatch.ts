/**
 * The request pipeline for every Google call: count → faults → OAuth endpoints (no bearer) →
 * route → bearer token → scope check → handler. API errors use Google's JSON envelope; the
 * faults framework is given a body builder so injected 403/429/5xx look like Google's too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActiveFault, FaultInjector } from '../faults.ts';
import type { SandboxHandler } from '../host.ts';
import type { RequestCounter } from '../request-counter.ts';
import type { Router } from '../router.ts';
import type { GoogleAuthState } from './auth.ts';
import { consentPage, wantsConsentPage } from './consent-page.ts';
import { type GoogleQuota, quotaFamily } from './quota.ts';
import type { GoogleRoute } from './route-types.ts';
import { authorizeEndpoint, tokenEndpoint } from './token-endpoint.ts';
import type { GoogleTenant } from './types.ts';
import { type GoogleReply, googleError, googleErrorBody, insufficientScopes } from './wire.ts';

export interface GoogleDispatchDeps {
  router: Router<GoogleRoute>;
  tenant: () => GoogleTenant;
  auth: GoogleAuthState;
  faults: FaultInjector;
  requests: RequestCounter;
  adminEmail: string;
  /** Per-user / per-account query budgets (403 userRateLimitExceeded, 429 rateLimitExceeded). */
  quota?: GoogleQuota;
}

const REASONS: Record<number, [string, string]> = {
  401: ['authError', 'Invalid Credentials'],
  403: ['userRateLimitExceeded', 'User Rate Limit Exceeded'],
  429: ['rateLimitExceeded', 'Rate Limit Exceeded'],
  503: ['backendError', 'Backend Error'],
};

const REASON_MESSAGES: Record<string, string> = {
  userRateLimitExceeded: 'User Rate Limit Exceeded',
  rateLimitExceeded: 'Rate Limit Exceeded',
  quotaExceeded: 'Quota exceeded',
  backendError: 'Backend Error',
};

/** Error body for injected faults: Google's envelope, reason from the fault or the status. */
export function googleFaultBody(_message: string, status: number, fault: ActiveFault): unknown {
  const [reason, message] = fault.reason
    ? [fault.reason, REASON_MESSAGES[fault.reason] ?? fault.reason]
    : (REASONS[status] ?? ['backendError', status >= 500 ? 'Internal Error' : 'Error']);
  return googleErrorBody(status, reason, message);
}

const UNAUTHENTICATED = googleError(
  401,
  'authError',
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  // google-auth-library posts x-www-form-urlencoded; accept JSON too, as Google does.
  if (text.trimStart().startsWith('{')) {
    try {
      return new URLSearchParams(JSON.parse(text) as Record<string, string>);
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}

function write(req: IncomingMessage, res: ServerResponse, reply: GoogleReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.raw) {
    headers['content-type'] = reply.raw.contentType;
    payload = reply.raw.data;
  } else if (reply.body !== undefined) {
    headers['content-type'] = 'application/json; charset=UTF-8';
    payload = JSON.stringify(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/**
 * Google answers its 403 quota errors without `Retry-After` (the shared fault injector adds one
 * to every rate-limit fault, as GitHub sends it): drop the header from 403s written through this.
 */
function withoutRetryAfterOn403(res: ServerResponse): ServerResponse {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as { writeHead: unknown }).writeHead = (status: number, ...rest: unknown[]) => {
    const headers = rest[rest.length - 1];
    if (status === 403 && headers && typeof headers === 'object' && !Array.isArray(headers)) {
      const copy = { ...(headers as Record<string, unknown>) };
      for (const name of Object.keys(copy)) if (name.toLowerCase() === 'retry-after') delete copy[name];
      rest[rest.length - 1] = copy;
    }
    return writeHead(status, ...rest);
  };
  return res;
}

export function createGoogleDispatcher(deps: GoogleDispatchDeps): SandboxHandler {
  return async (req, res, ctx) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const match = deps.router.match(method, ctx.path);
    const oauthPath = ctx.path === '/token' || ctx.path === '/o/oauth2/v2/auth';
    const template = match?.template ?? ctx.path;
    res.once('finish', () => deps.requests.record(method, template, res.statusCode));
    res.once('close', () => {
      if (!res.writableFinished) deps.requests.record(method, template, 'reset');
    });

    const target = { method, path: ctx.path, template };
    if (await deps.faults.intercept(req, withoutRetryAfterOn403(res), target)) return;

    if (oauthPath) {
      if (ctx.path === '/o/oauth2/v2/auth' && method === 'GET') {
        const query = ctx.url.searchParams;
        if (
          wantsConsentPage(req.headers.accept, query) &&
          query.get('client_id') === deps.auth.webClient.clientId
        )
          return write(req, res, consentPage(query, query.get('login_hint') ?? deps.adminEmail));
        return write(req, res, authorizeEndpoint(query, deps.auth, deps.adminEmail));
      }
      if (ctx.path === '/token' && method === 'POST') {
        const form = await readForm(req);
        return write(
          req,
          res,
          tokenEndpoint(form, deps.auth, `${ctx.origin}/token`, req.headers.authorization),
        );
      }
      return write(req, res, googleError(405, 'methodNotAllowed', 'Method Not Allowed'));
    }
    if (!match) return write(req, res, googleError(404, 'notFound', 'Not Found'));

    const grant = deps.auth.authenticate(req.headers.authorization);
    if (!grant) return write(req, res, UNAUTHENTICATED);
    if (!match.handler.scopes.some((scope) => grant.scopes.has(scope))) {
      return write(req, res, insufficientScopes());
    }
    const denied = deps.quota?.check(
      quotaFamily(match.template),
      grant.subject?.primaryEmail ?? `sa:${grant.clientId}`,
    );
    if (denied) return write(req, res, denied);
    const reply = match.handler.handle({
      params: match.params,
      query: ctx.url.searchParams,
      grant,
      tenant: deps.tenant(),
      auth: deps.auth,
    });
    write(req, res, reply);
  };
}
