/**
 * Serves one Graph request — an HTTP call or one step of a `$batch` — once it is routed:
 * forced throttles, the bearer token (401 InvalidAuthenticationToken), its audience, the route's
 * application permissions (403), the identity resource-unit budget (429), then the handler, with
 * `x-ms-resource-unit` on identity responses.
 */
import type { RouteMatch, Router } from '../router.ts';
import type { AccessGrant } from './auth.ts';
import type { GraphRoute, ServerState } from './route-types.ts';
import { isIdentityTemplate, type MicrosoftThrottle, resourceUnitCost } from './throttle.ts';
import type { MicrosoftTenant } from './types.ts';
import { type GraphReply, graphError, insufficientPrivileges } from './wire.ts';

export interface GraphRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

export interface GraphCallDeps {
  router: Router<GraphRoute>;
  tenant: () => MicrosoftTenant;
  server: ServerState;
  throttle: MicrosoftThrottle;
  origin: string;
}

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

const unauthenticated = (message: string) =>
  graphError(401, 'InvalidAuthenticationToken', message, { 'www-authenticate': WWW_AUTHENTICATE });

/** The route for a Graph request, or Graph's answer for an unknown path. */
export function routeGraph(deps: GraphCallDeps, request: GraphRequest): RouteMatch<GraphRoute> | GraphReply {
  const match = deps.router.match(request.method, request.path);
  if (match) return match;
  if (deps.router.hasPath(request.path))
    return graphError(
      405,
      'Request_BadRequest',
      'The specified HTTP method is not allowed for the request target.',
    );
  const segment = request.path.split('/').filter(Boolean).at(-1) ?? '';
  return graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}

export function serveGraph(
  deps: GraphCallDeps,
  request: GraphRequest,
  match: RouteMatch<GraphRoute>,
  grant: AccessGrant | 'expired' | undefined,
): GraphReply {
  const forced = deps.throttle.forced(request.method, request.path, match.template);
  if (forced) return forced;
  if (grant === undefined) {
    return unauthenticated(
      request.headers.authorization ? 'IDX14100: JWT is not well formed.' : 'Access token is empty.',
    );
  }
  if (grant === 'expired') return unauthenticated('Lifetime validation failed, the token is expired.');
  if (grant.resource === 'sharepoint')
    return unauthenticated('Access token validation failure. Invalid audience.');
  const route = match.handler;
  if (!route.permissions.some((p) => grant.roles.has(p))) {
    return route.denied === 'files'
      ? graphError(403, 'accessDenied', 'Access denied')
      : insufficientPrivileges();
  }
  const tenant = deps.tenant();
  let unitHeaders: Record<string, string> = {};
  if (isIdentityTemplate(match.template)) {
    const cost = resourceUnitCost(request.method, match.template, request.query);
    const charged = deps.throttle.charge(grant.appId, grant.tenantId, tenant.users.length, cost);
    if (charged.throttled) return charged.throttled;
    unitHeaders = charged.headers;
  }
  const reply = route.handle({
    method: request.method,
    path: request.path,
    params: match.params,
    query: request.query,
    headers: request.headers,
    grant,
    tenant,
    origin: deps.origin,
    server: deps.server,
  });
  return { ...reply, headers: { ...unitHeaders, ...reply.headers } };
}
