/**
 * How a route is declared: method, URL, who may call it (`access`), zod schemas for params,
 * query, body and responses, and a handler. routes/index.ts lists every route; app.ts registers
 * them, and the tests walk the same list (isolation, fuzzing, OpenAPI coverage), so a new route
 * is covered by them as soon as it is listed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  ContextConfigDefault,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RawServerDefault,
  RouteGenericInterface,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ConnectorRegistry } from '../connectors/index.ts';
import type { Database } from '../db/client.ts';
import type { Tenant } from '../db/tenants.ts';
import type { Rule } from '../rules/define-rule.ts';
import type { SecretBox } from '../runtime/secrets.ts';
import type { ScanQueue } from '../scanner/queue/types.ts';
import type { ExportDeps } from '../siem/export-deps.ts';
import type { ConnectService } from './oauth/service.ts';
import type { Scope } from './tokens/scopes.ts';

/** What routes use; build() receives it. */
export interface ApiDeps {
  db: Database;
  /** Where triggered scans go (in-process or BullMQ). */
  queue: ScanQueue;
  /** The rule catalog (rules/index.ts). */
  rules: Rule[];
  /** Readiness checks by name ('database', 'redis'); each throws when its dependency does not answer. */
  checks: Record<string, () => Promise<void>>;
  /** Sealing credentials and verifying them (POST connections); without it that route answers 400. */
  vault?: { box: SecretBox; connectors: ConnectorRegistry };
  /** SIEM export (siem/); without it the export routes answer that export is not configured. */
  exports?: ExportDeps;
  /** OAuth connect flows (api/oauth); without it the connect routes answer that they are not configured. */
  connect?: ConnectService;
}

/** The caller, as its token says. */
export interface TokenIdentity {
  id: string;
  name: string;
  /** Bound tenant, or null for an installation token. */
  tenantId: string | null;
  scopes: Scope[];
}

/**
 * 'public': no token (health checks). Otherwise a valid token, holding `scope` when one is
 * named; `installation: true` also requires a token not bound to a tenant.
 */
export type RouteAccess = 'public' | { scope: Scope | null; installation?: boolean };

export interface RouteSchema extends FastifySchema {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: Record<number, z.ZodType>;
}

export type ApiRequest<S extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  IncomingMessage,
  S,
  ZodTypeProvider
>;
export type ApiReply<S extends FastifySchema> = FastifyReply<
  RouteGenericInterface,
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  ContextConfigDefault,
  S,
  ZodTypeProvider
>;

export interface RouteContext {
  deps: ApiDeps;
  /** Null only on public routes. */
  token: TokenIdentity | null;
}

export interface TenantRouteContext extends RouteContext {
  /** The tenant named in the URL, already checked against the token. */
  tenant: Tenant;
  token: TokenIdentity;
  /** Who to record as the author of a change. */
  actor: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RouteBase<S extends RouteSchema> {
  /** operationId; equals the route's file name (getFindings.ts → 'getFindings'). */
  id: string;
  method: HttpMethod;
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  access: RouteAccess;
  schema: S;
  /** A valid request, for the docs and the generated tests (required when there is a body). */
  example?: { body?: unknown; query?: Record<string, string> };
  /** False keeps the query string out of request logs (OAuth callbacks: one-time codes). */
  logQuery?: false;
}

export interface RouteDefinition<S extends RouteSchema = RouteSchema> extends RouteBase<S> {
  tenantScoped: boolean;
  // Method syntax on purpose: the registry holds routes of many schemas.
  handler(req: ApiRequest<S>, reply: ApiReply<S>, ctx: RouteContext | TenantRouteContext): Promise<unknown>;
}

/** A route outside any tenant (tenant admin, rule catalog, health). */
export function defineRoute<S extends RouteSchema>(
  route: RouteBase<S> & {
    handler(req: ApiRequest<S>, reply: ApiReply<S>, ctx: RouteContext): Promise<unknown>;
  },
): RouteDefinition<S> {
  if (route.url.includes(':tenant')) throw new Error(`${route.id}: use defineTenantRoute for ${route.url}`);
  return { ...route, tenantScoped: false };
}

/** A route under /v1/tenants/:tenant: the handler receives the tenant the token may reach. */
export function defineTenantRoute<S extends RouteSchema>(
  route: RouteBase<S> & {
    access: Exclude<RouteAccess, 'public'>;
    handler(req: ApiRequest<S>, reply: ApiReply<S>, ctx: TenantRouteContext): Promise<unknown>;
  },
): RouteDefinition<S> {
  if (!route.url.startsWith('/v1/tenants/:tenant'))
    throw new Error(`${route.id}: a tenant route lives under /v1/tenants/:tenant`);
  return {
    ...route,
    tenantScoped: true,
    handler: (req, reply, ctx) => route.handler(req, reply, ctx as TenantRouteContext),
  };
}
