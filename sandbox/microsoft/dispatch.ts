/**
 * The request pipeline for the whole Microsoft host: count → faults → identity platform
 * (`/{tenant}/…`, no bearer) → SharePoint REST (`/_api/SPO.Tenant`) → pre-authenticated
 * downloads → Graph (`/v1.0/…`, `$batch`). Graph answers carry `request-id`, echo
 * `client-request-id`, and wrap errors in Graph's envelope with innerError; the fault injector
 * is given a Graph body builder so injected 429/5xx look like Graph's too.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActiveFault, FaultInjector } from '../faults.ts';
import type { SandboxHandler } from '../host.ts';
import type { Random } from '../random.ts';
import type { RequestCounter } from '../request-counter.ts';
import { runBatch } from './batch.ts';
import { adminConsentPage, wantsConsentPage } from './consent-page.ts';
import { type GraphCallDeps, routeGraph, serveGraph } from './graph-call.ts';
import {
  adminConsent,
  type IdentityContext,
  openIdConfiguration,
  tenantMatches,
  tokenEndpoint,
} from './identity.ts';
import { serveDownload } from './routes-sites.ts';
import { SPO_TENANT_PATHS, spoTenant } from './spo.ts';
import type { GraphReply } from './wire.ts';

export interface MicrosoftDispatchDeps extends GraphCallDeps {
  faults: FaultInjector;
  requests: RequestCounter;
  batchRequests: RequestCounter;
  random: Random;
}

const FAULT_CODES: Record<number, [string, string]> = {
  400: ['BadRequest', 'Bad request.'],
  401: ['InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'],
  403: ['Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
  404: ['itemNotFound', 'The resource could not be found.'],
  429: ['TooManyRequests', 'Too many requests.'],
  500: ['generalException', 'General exception while processing.'],
  502: ['badGateway', 'Bad gateway.'],
  503: ['serviceNotAvailable', 'The service is temporarily unavailable.'],
  504: ['gatewayTimeout', 'The gateway timed out.'],
};

function innerError(clientRequestId?: string) {
  const requestId = randomUUID();
  return {
    date: new Date().toISOString().slice(0, 19),
    'request-id': requestId,
    'client-request-id': clientRequestId ?? requestId,
  };
}

/** Error body for injected faults: Graph's envelope, code from the fault's reason or the status. */
export function graphFaultBody(_message: string, status: number, fault: ActiveFault): unknown {
  const [code, message] = FAULT_CODES[status] ?? ['generalException', 'General exception while processing.'];
  return { error: { code: fault.reason ?? code, message, innerError: innerError() } };
}

/** Adds Graph's innerError to an `{error}` body that lacks one. */
export function finishError(body: unknown, clientRequestId?: string): unknown {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (!error || typeof error !== 'object' || 'innerError' in error) return body;
  return { error: { ...error, innerError: innerError(clientRequestId) } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

function write(req: IncomingMessage, res: ServerResponse, reply: GraphReply, graph: boolean): void {
  const clientRequestId = req.headers['client-request-id'];
  const requestId = randomUUID();
  const headers: Record<string, string> = graph
    ? {
        'request-id': requestId,
        'client-request-id': typeof clientRequestId === 'string' ? clientRequestId : requestId,
        'x-ms-ags-diagnostic':
          '{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5","ScaleUnit":"003","RoleInstance":"AM4PEPF0001"}}',
        'strict-transport-security': 'max-age=31536000',
      }
    : { 'x-ms-request-id': requestId, 'cache-control': 'no-store, no-cache' };
  Object.assign(headers, reply.headers);
  let payload: string | Buffer | undefined;
  if (reply.raw) {
    headers['content-type'] = reply.raw.contentType;
    payload = reply.raw.data;
  } else if (reply.body !== undefined) {
    headers['content-type'] = graph ? GRAPH_JSON : 'application/json; charset=utf-8';
    const body =
      graph && reply.status >= 400 ? finishError(reply.body, headers['client-request-id']) : reply.body;
    payload = JSON.stringify(body);
  }
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

const IDENTITY: Array<{ method: string; pattern: RegExp; template: string }> = [
  {
    method: 'GET',
    pattern: /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/,
    template: '/{tenant}/v2.0/.well-known/openid-configuration',
  },
  {
    method: 'GET',
    pattern: /^\/([^/]+)\/\.well-known\/openid-configuration$/,
    template: '/{tenant}/.well-known/openid-configuration',
  },
  {
    method: 'GET',
    pattern: /^\/([^/]+)\/discovery(?:\/v2\.0)?\/keys$/,
    template: '/{tenant}/discovery/v2.0/keys',
  },
  { method: 'POST', pattern: /^\/([^/]+)\/oauth2\/v2\.0\/token$/, template: '/{tenant}/oauth2/v2.0/token' },
  { method: 'GET', pattern: /^\/([^/]+)\/adminconsent$/, template: '/{tenant}/adminconsent' },
  { method: 'GET', pattern: /^\/([^/]+)\/v2\.0\/adminconsent$/, template: '/{tenant}/v2.0/adminconsent' },
];

const DOWNLOAD_PATH = '/_layouts/15/download.aspx';

export function createMicrosoftDispatcher(deps: MicrosoftDispatchDeps): SandboxHandler {
  return async (req, res, ctx) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = ctx.path;
    const identity = IDENTITY.find((e) => e.method === method && e.pattern.test(path));
    const graph = path === '/v1.0' || path.startsWith('/v1.0/');
    const match = graph && path !== '/v1.0/$batch' ? deps.router.match(method, path) : undefined;
    const template =
      identity?.template ??
      (SPO_TENANT_PATHS.includes(path) ? path : path === DOWNLOAD_PATH ? path : (match?.template ?? path));
    res.once('finish', () => deps.requests.record(method, template, res.statusCode));
    res.once('close', () => {
      if (!res.writableFinished) deps.requests.record(method, template, 'reset');
    });
    if (await deps.faults.intercept(req, res, { method, path, template })) return;

    const tenant = deps.tenant();
    const headers = headerRecord(req);
    if (identity) {
      const segment = decodeURIComponent(identity.pattern.exec(path)?.[1] ?? '');
      const idCtx: IdentityContext = {
        tenant,
        auth: deps.server.auth,
        origin: deps.origin,
        correlationId: ctx.url.searchParams.get('client-request-id') ?? headers['client-request-id'],
      };
      let reply: GraphReply;
      if (identity.template.endsWith('openid-configuration'))
        reply = openIdConfiguration(idCtx, segment, identity.template.includes('v2.0'));
      else if (identity.template.endsWith('/keys'))
        reply =
          tenantMatches(tenant, segment) || ['common', 'organizations'].includes(segment.toLowerCase())
            ? { status: 200, body: deps.server.auth.jwks() }
            : openIdConfiguration(idCtx, segment, true);
      else if (identity.template.endsWith('/token'))
        reply = tokenEndpoint(idCtx, segment, new URLSearchParams(await readBody(req)));
      else if (wantsConsentPage(req.headers.accept, ctx.url.searchParams))
        reply = adminConsentPage(path, ctx.url.searchParams, deps.server.auth);
      else reply = adminConsent(idCtx, segment, ctx.url.searchParams, identity.template.includes('v2.0'));
      return write(req, res, reply, false);
    }
    if (SPO_TENANT_PATHS.includes(path) && method === 'GET') {
      const reply =
        deps.throttle.forced(method, path, path) ??
        spoTenant(tenant, deps.server.auth, deps.origin, path, ctx.url.searchParams, headers);
      return write(req, res, reply, false);
    }
    if (path === DOWNLOAD_PATH && method === 'GET') {
      return write(req, res, serveDownload(tenant, deps.server.downloads, ctx.url.searchParams), false);
    }
    if (!graph)
      return write(req, res, { status: 404, raw: { contentType: 'text/plain', data: 'Not Found' } }, false);

    const grant = deps.server.auth.authenticate(headers.authorization);
    if (path === '/v1.0/$batch' && method === 'POST') {
      const reply = await runBatch(
        { ...deps, finishError },
        await readBody(req),
        grant,
        res,
        headers['client-request-id'],
      );
      if (reply === 'reset') return;
      return write(req, res, reply, true);
    }
    const request = { method, path, query: ctx.url.searchParams, headers };
    const routed = match ?? routeGraph(deps, request);
    const reply = 'status' in routed ? routed : serveGraph(deps, request, routed, grant);
    write(req, res, reply, true);
  };
}
