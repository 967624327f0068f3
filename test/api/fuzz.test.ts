/**
 * Property-based fuzzing of every route: malformed paths, queries, bodies, content types and
 * tokens. Whatever arrives, the API answers below 500, and every 4xx carries a catalog code.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorCatalog } from '../../api/errors.ts';
import { routes } from '../../api/routes/index.ts';
import { type ApiHarness, startApiHarness } from './harness.ts';

const catalogCodes = new Set(Object.keys(apiErrorCatalog));

describe('fuzzing every route', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => h?.close());

  it('never answers 5xx, and every 4xx has an error code', async () => {
    const real = [
      h.alpha.tenant.slug,
      h.alpha.tenant.id,
      h.bravo.tenant.slug,
      h.alpha.findings[0]!.id,
      h.alpha.connectionId,
      h.alpha.scan.id,
      'github',
      'org-too-many-owners',
    ];
    const segment = fc.oneof(
      fc.constantFrom(...real),
      fc.string({ maxLength: 40 }),
      fc.uuid(),
      fc.constantFrom('%', '%zz', '..', '%00', 'a'.repeat(300), '💥', ' ', '%2F'),
      fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
    );
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'open',
        'all',
        'high,critical',
        '-severity',
        'true',
        '0',
        '-1',
        '501',
        '2026-01-01',
        '',
      ),
      fc.constantFrom(...real),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        '{',
        '{"__proto__":{"x":1}}',
        '{"constructor":{"prototype":{"x":1}}}',
        'null',
        '[]',
        '{}',
      ),
      fc
        .dictionary(
          fc.constantFrom(
            'reason',
            'until',
            'severity',
            'slug',
            'name',
            'provider',
            'connectionId',
            'staleDays',
          ),
          value,
        )
        .map((v) => JSON.stringify(v)),
    );
    const contentType = fc.constantFrom(
      undefined,
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
    );
    const token = fc.constantFrom('admin', 'alpha', 'none', 'garbage');
    const tokens: Record<string, string | null> = {
      admin: h.adminToken,
      alpha: h.alpha.token,
      none: null,
      garbage: 'psc_thisisnotavalidtokenatallreally000000',
    };

    let requests = 0;
    for (const route of routes) {
      const keys = [...(route.url.match(/:\w+/g) ?? [])];
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment, { minLength: keys.length, maxLength: keys.length }),
          fc.dictionary(
            fc.oneof(
              fc.constantFrom('status', 'severity', 'limit', 'cursor', 'sort', 'q', 'facets', 'kind'),
              fc.string({ maxLength: 10 }),
            ),
            value,
            { maxKeys: 4 },
          ),
          body,
          contentType,
          token,
          async (segments, query, payload, type, who) => {
            let i = 0;
            const url = route.url.replace(/:\w+/g, () => segments[i++] ?? '');
            const headers: Record<string, string> = {};
            if (type) headers['content-type'] = type;
            const methodHasBody = route.method !== 'GET' && route.method !== 'DELETE';
            const response = await h.call(tokens[who]!, {
              method: route.method,
              url,
              query: query as Record<string, string>,
              headers,
              ...(methodHasBody && payload !== undefined ? { payload } : {}),
            });
            requests++;
            const label = `${route.method} ${url} ${JSON.stringify(query)} ${payload} → ${response.statusCode} ${response.body.slice(0, 300)}`;
            expect(response.statusCode, label).toBeLessThan(500);
            if (response.statusCode >= 400) {
              const code = (JSON.parse(response.body) as { error?: { code?: string } }).error?.code;
              expect(catalogCodes.has(code ?? ''), label).toBe(true);
            }
          },
        ),
        { numRuns: 40, seed: 20261126 },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(routes.length * 40);
  });
});
