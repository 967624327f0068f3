/**
 * build(options) assembles the API and returns it without listening (tests call inject(); the
 * server calls listen()). Order matters: security headers and rate limiting first, then the
 * OpenAPI collector, then every route of routes/index.ts with its access rule.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifySchema,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Tenant } from '../db/tenants.ts';
import { silentLogger } from '../runtime/logger.ts';
import { authenticate, authorize, bearerToken, resolveTenant } from './auth.ts';
import { installErrorHandlers } from './error-handler.ts';
import { ApiError, errorBody } from './errors.ts';
import type { ApiDeps, RouteAccess, RouteDefinition, TenantRouteContext, TokenIdentity } from './route.ts';
import { routes as allRoutes } from './routes/index.ts';
import { hashToken, isWellFormedToken } from './tokens/format.ts';
import { serveDashboard } from './web/serve-dashboard.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    tenantScoped?: boolean;
  }
  interface FastifyRequest {
    token: TokenIdentity | null;
    tenant: Tenant | null;
  }
  interface FastifyInstance {
    /** Every route registered, as the router sees it (tests walk it; HEAD twins included). */
    registeredRoutes: ReadonlyArray<{ method: string; url: string; access: RouteAccess | undefined }>;
  }
}

export interface BuildOptions {
  deps: ApiDeps;
  /** Request logs; authorization headers are redacted by runtime/logger.ts. Default: silent. */
  logger?: Logger;
  /**
   * Largest request body in bytes.
   * @defaultValue 65536
   */
  bodyLimit?: number;
  /**
   * Requests per token (per client address without a token) in a window; false turns it off.
   * @defaultValue { max: 600, timeWindowMs: 60000 }
   */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** The routes to serve. @defaultValue every route of routes/index.ts */
  routes?: RouteDefinition[];
  /**
   * The built dashboard (web/dist) to serve at `/`; without a build there, `/` answers 503 saying
   * how to build it. @defaultValue undefined: no dashboard, API only
   */
  webRoot?: string;
}

export const apiVersion = '0.1.0';

/** Rate-limit bucket: the presented token (hashed; checked later) or, without one, the client address. */
function rateLimitKey(req: FastifyRequest): string {
  try {
    const token = bearerToken(req);
    if (token && isWellFormedToken(token)) return `token:${hashToken(token).slice(0, 32)}`;
  } catch {
    // A malformed header is answered 401 by the auth hook; count it against the address.
  }
  return `ip:${req.ip}`;
}

export async function build(options: BuildOptions): Promise<FastifyInstance> {
  const { deps } = options;
  const app = Fastify({
    loggerInstance: (options.logger ?? silentLogger) as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    routerOptions: { maxParamLength: 200 },
    // Errors raised before routing (a malformed percent-encoding in the path) skip the error handler.
    frameworkErrors: (error, _req, reply) =>
      (reply as FastifyReply).code(400).send(errorBody('invalid_request', error.message)),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  app.removeContentTypeParser('text/plain'); // bodies are JSON only: anything else is 415
  app.decorateRequest('token', null);
  app.decorateRequest('tenant', null);
  const registered: Array<{ method: string; url: string; access: RouteAccess | undefined }> = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      registered.push({ method, url: route.url, access: route.config?.access });
  });

  await app.register(helmet);
  const limit = options.rateLimit ?? { max: 600, timeWindowMs: 60_000 };
  if (limit) {
    await app.register(rateLimit, {
      max: limit.max,
      timeWindow: limit.timeWindowMs,
      keyGenerator: rateLimitKey,
      errorResponseBuilder: (_req, context) =>
        new ApiError(
          'rate_limited',
          `rate limit reached (${context.max} requests); retry in ${context.after}`,
          {
            limit: context.max,
            retryAfterSeconds: Math.ceil(context.ttl / 1000),
          },
        ),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Periscope API',
        version: apiVersion,
        description:
          'SaaS and AI security posture: tenants, connections, scans, assets, findings, rules and policy. ' +
          'Authenticate with `Authorization: Bearer psc_…` (create one with `periscope token create`).',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'an API token from `periscope token create`',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } as FastifySchema }, async () => app.swagger());

  // Before the body is parsed: who is calling, may they, and which tenant do they reach.
  app.addHook('preParsing', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access || access === 'public') return;
    const token = await authenticate(deps.db, req);
    authorize(token, access);
    req.token = token;
    if (req.routeOptions.config.tenantScoped) {
      const ref = (req.params as { tenant?: string }).tenant ?? '';
      req.tenant = await resolveTenant(deps.db, token, ref);
    }
  });

  for (const route of options.routes ?? allRoutes) registerRoute(app, deps, route);
  if (options.webRoot) await serveDashboard(app, options.webRoot);
  return app;
}

function registerRoute(app: FastifyInstance, deps: ApiDeps, route: RouteDefinition): void {
  const isPublic = route.access === 'public';
  app.route({
    method: route.method,
    url: route.url,
    schema: {
      ...route.schema,
      operationId: route.id,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      security: isPublic ? [] : [{ bearer: [] }],
    } as FastifySchema,
    config: {
      access: route.access,
      tenantScoped: route.tenantScoped,
      ...(isPublic ? { rateLimit: false } : {}),
    },
    ...(route.logQuery === false
      ? {
          logSerializers: {
            req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0] }),
          },
        }
      : {}),
    handler: (req, reply) => {
      const token = req.token;
      const ctx = route.tenantScoped
        ? ({ deps, token, tenant: req.tenant, actor: `api-token:${token?.id}` } as TenantRouteContext)
        : { deps, token };
      return route.handler(req as never, reply as never, ctx);
    },
  });
}
