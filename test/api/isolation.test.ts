/**
 * Tenant isolation, generated over the registered routes: bravo's token (every tenant scope) is
 * pointed at alpha's tenant, alpha's ids and alpha's filters on every route. Each attempt must be
 * refused (403/404) or, where it lands in bravo's own tenant, return none of alpha's rows; and
 * alpha's data must be exactly as it was afterwards. A route added to routes/index.ts is covered
 * without touching this file, unless it names a new kind of path parameter (then this fails).
 */

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiErrorCatalog } from '../../api/errors.ts';
import type { RouteDefinition } from '../../api/route.ts';
import { routes } from '../../api/routes/index.ts';
import { listConnections } from '../../db/connections.ts';
import { listFindings } from '../../db/finding-queries.ts';
import { getPolicy } from '../../db/policy.ts';
import { listScans } from '../../db/scans.ts';
import { listApiTokens } from '../../db/tokens.ts';
import { type ApiHarness, startApiHarness, type TenantFixture } from './harness.ts';

/** Values for each path parameter, taken from one tenant's data. */
function paramValues(owner: TenantFixture): Record<string, string> {
  return {
    findingId: owner.findings[0]!.id,
    connectionId: owner.connectionId,
    scanId: owner.scan.id,
    folder: 'github',
    name: 'org-too-many-owners',
    scheduleId: `tenant-${owner.tenant.id}`,
    app: 'chatgpt',
    sink: owner.sinkId,
  };
}

function fillUrl(url: string, tenantRef: string, values: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'tenant') return tenantRef;
    const value = values[name];
    if (value === undefined)
      throw new Error(`isolation test: no value for path parameter :${name} (${url}); add one`);
    return encodeURIComponent(value);
  });
}

function shapeKeys(schema: unknown): string[] {
  let current = schema as z.ZodType | undefined;
  // Unwrap defaults, optionals and pipes to the object underneath.
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    const def = (current as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    current = def.innerType ?? def.in;
  }
  return [];
}

/** Query and body for an attempt: the route's example, with alpha's ids in every id filter. */
function attackInputs(route: RouteDefinition, victim: TenantFixture) {
  const query: Record<string, string> = { ...(route.example?.query ?? {}) };
  if (shapeKeys(route.schema.querystring).includes('connection')) query.connection = victim.connectionId;
  let body = route.example?.body;
  if (route.schema.body && body === undefined) throw new Error(`${route.id} has a body but no example`);
  if (shapeKeys(route.schema.body).includes('connectionId'))
    body = { ...(body as object), connectionId: victim.connectionId };
  return { query, body };
}

function markersOf(owner: TenantFixture, tokenIds: string[]): string[] {
  return [
    owner.tenant.id,
    owner.tenant.slug,
    owner.connectionId,
    owner.scan.id,
    owner.sinkId,
    ...owner.findings.map((f) => f.id),
    ...tokenIds,
  ];
}

describe('tenant isolation over every registered route', () => {
  let h: ApiHarness;
  let alphaMarkers: string[];
  let before: unknown;
  const attempts: string[] = [];

  const snapshot = async () => {
    const db = h.database.db;
    const id = h.alpha.tenant.id;
    return {
      findings: await listFindings(db, id, { status: 'all' }),
      connections: await listConnections(db, id),
      scans: await listScans(db, id, 1000),
      policy: await getPolicy(db, id),
    };
  };

  beforeAll(async () => {
    h = await startApiHarness();
    const alphaTokens = (await listApiTokens(h.database.db, { tenantId: h.alpha.tenant.id })).map(
      (t) => t.id,
    );
    alphaMarkers = markersOf(h.alpha, alphaTokens);
    before = await snapshot();
  });
  afterAll(async () => h?.close());

  /** No alpha marker in a success body; in an error body, none the request did not itself carry. */
  function expectNoLeak(response: LightMyRequestResponse, sent: string, label: string) {
    const body = response.body;
    const leaked = alphaMarkers.filter(
      (m) => body.includes(m) && (response.statusCode < 400 || !sent.includes(m)),
    );
    expect(leaked, `${label}: alpha data in ${response.statusCode} ${body.slice(0, 300)}`).toEqual([]);
    expect(response.statusCode, `${label}: ${body.slice(0, 300)}`).toBeLessThan(500);
    if (response.statusCode >= 400) {
      const error = (response.json() as { error?: { code?: string } }).error;
      expect(Object.keys(apiErrorCatalog), label).toContain(error?.code);
    }
  }

  it('covers exactly the routes of routes/index.ts (plus the docs)', () => {
    const table = new Set(routes.map((r) => `${r.method} ${r.url}`));
    const served = h.app.registeredRoutes
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/docs') && r.url !== '/openapi.json')
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(served)).toEqual(table);
    // Everything else the app serves is documentation, and public by design.
    const extra = h.app.registeredRoutes.filter(
      (r) => !table.has(`${r.method} ${r.url}`) && r.method !== 'HEAD',
    );
    expect(extra.every((r) => r.access === undefined)).toBe(true);
  });

  it('refuses every route with the other tenant’s token, ids and filters', async () => {
    const alphaIds = paramValues(h.alpha);
    for (const served of h.app.registeredRoutes) {
      const route = routes.find((r) => r.method === served.method && r.url === served.url);
      if (!route) continue; // docs and HEAD twins, checked above
      const { query, body } = attackInputs(route, h.alpha);
      const send = async (tenantRef: string, token: string | null, label: string) => {
        const url = fillUrl(route.url, tenantRef, alphaIds);
        const response = await h.call(token, {
          method: route.method,
          url,
          query,
          ...(body !== undefined ? { payload: body as object } : {}),
        });
        attempts.push(`${route.id} ${label} → ${response.statusCode}`);
        expectNoLeak(
          response,
          url + JSON.stringify(query) + JSON.stringify(body ?? null),
          `${route.id} ${label}`,
        );
        return response;
      };

      if (route.access === 'public') {
        await send('', null, 'public');
        continue;
      }
      if (route.tenantScoped) {
        for (const ref of [h.alpha.tenant.slug, h.alpha.tenant.id]) {
          const response = await send(ref, h.bravo.token, `bravo token on alpha tenant ${ref}`);
          expect([403, 404], `${route.id} on ${ref}: ${response.body}`).toContain(response.statusCode);
        }
        const ownTenant = await send(h.bravo.tenant.slug, h.bravo.token, 'bravo tenant with alpha ids');
        const namesAlphaId = /:(findingId|connectionId|scanId|sink)\b/.test(route.url);
        if (namesAlphaId)
          expect([403, 404], `${route.id}: ${ownTenant.body}`).toContain(ownTenant.statusCode);
        // A redirecting GET (connect/{provider}) answers 302, or 400 where connecting is not configured.
        else if (route.method === 'GET' && !route.access.installation && !(302 in route.schema.response))
          expect(ownTenant.statusCode, `${route.id}: ${ownTenant.body}`).toBe(200);
      } else {
        const response = await send('', h.bravo.token, 'bravo token');
        const access = route.access;
        if (access.installation) expect(response.statusCode, route.id).toBe(403);
      }
    }
    expect(attempts.length).toBeGreaterThanOrEqual(routes.length);
  });

  it('left alpha’s findings, connections, scans and policy as they were', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
