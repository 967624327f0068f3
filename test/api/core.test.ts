/** The API's frame: OpenAPI document and docs, error envelope, limits, headers, logs, rate limits, health. */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorCatalog } from '../../api/errors.ts';
import { routes } from '../../api/routes/index.ts';
import { type ApiHarness, json, startApiHarness } from './harness.ts';

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

describe('API frame', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(async () => h?.close());

  it('serves an OpenAPI 3.1 document that validates and documents every route', async () => {
    const response = await h.call(null, { method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { operationId: string; security: unknown[]; responses: Record<string, unknown> }>
      >;
    }>(response);
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      expect(operation?.operationId, `${route.method} ${path} missing from /openapi.json`).toBe(route.id);
      expect(operation!.security).toEqual(route.access === 'public' ? [] : [{ bearer: [] }]);
      expect(
        // A success, or the redirect a browser-facing route answers (GET connect/{provider}).
        Object.keys(operation!.responses).some((s) => s.startsWith('2') || s === '302'),
        route.id,
      ).toBe(true);
    }
    const documented = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    expect(documented).toHaveLength(routes.length);
  });

  it('lists one route per file in routes/, named by its id', () => {
    const dir = join(import.meta.dirname, '..', '..', 'api', 'routes');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => basename(f, '.ts'))
      .sort();
    expect(routes.map((r) => r.id).sort()).toEqual(files);
    expect(new Set(routes.map((r) => `${r.method} ${r.url}`)).size).toBe(routes.length);
  });

  it('serves Swagger UI at /docs', async () => {
    const index = await h.call(null, { method: 'GET', url: '/docs/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.body).toContain('swagger');
  });

  it('answers every error with one envelope and a catalog code', async () => {
    const unknown = await h.call(h.adminToken, { method: 'GET', url: '/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(json<ErrorBody>(unknown).error).toEqual({
      code: 'not_found',
      message: 'no route GET /v1/nothing-here',
      details: {},
    });

    const url = `/v1/tenants/${h.alpha.tenant.slug}/policy`;
    const badJson = await h.call(h.alpha.token, {
      method: 'PATCH',
      url,
      headers: { 'content-type': 'application/json' },
      payload: '{"staleDays":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(json<ErrorBody>(badJson).error.code).toBe('invalid_body');

    const text = await h.call(h.alpha.token, {
      method: 'PATCH',
      url,
      headers: { 'content-type': 'text/plain' },
      payload: 'staleDays=3',
    });
    expect(text.statusCode).toBe(415);
    expect(json<ErrorBody>(text).error.code).toBe('unsupported_media_type');

    const huge = await h.call(h.alpha.token, {
      method: 'PATCH',
      url,
      payload: { allowedDomains: Array.from({ length: 10_000 }, (_, i) => `d${i}.example.com`) },
    });
    expect(huge.statusCode).toBe(413);
    expect(json<ErrorBody>(huge).error.code).toBe('payload_too_large');

    for (const code of Object.keys(apiErrorCatalog)) expect(code).toMatch(/^[a-z_]+$/);
  });

  it('sets security headers on API responses', async () => {
    const response = await h.call(h.alpha.token, {
      method: 'GET',
      url: `/v1/tenants/${h.alpha.tenant.slug}/policy`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
  });

  it('logs requests without the token', async () => {
    h.logs.length = 0;
    await h.call(h.alpha.token, { method: 'GET', url: `/v1/tenants/${h.alpha.tenant.slug}/findings` });
    await h.call(h.adminToken, { method: 'GET', url: '/v1/tenants', headers: { 'x-api-key': 'irrelevant' } });
    expect(h.logs.some((line) => line.includes('request completed'))).toBe(true);
    const all = h.logs.join('\n');
    expect(all).not.toContain(h.alpha.token);
    expect(all).not.toContain(h.adminToken);
    expect(all).not.toContain(h.alpha.token.slice(4, 20));
  });

  it('limits requests per token, not per client', async () => {
    const app = await h.buildApp({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const get = (token: string) =>
      app.inject({ method: 'GET', url: '/v1/rules', headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 3; i++) expect((await get(h.alpha.token)).statusCode).toBe(200);
    const limited = await get(h.alpha.token);
    expect(limited.statusCode).toBe(429);
    expect(json<ErrorBody>(limited).error).toMatchObject({ code: 'rate_limited', details: { limit: 3 } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(h.bravo.token)).statusCode).toBe(200); // same client address, another token
  });

  it('reports liveness and readiness, naming a dependency that does not answer', async () => {
    expect(json(await h.call(null, { method: 'GET', url: '/healthz' }))).toEqual({ status: 'ok' });
    expect(json(await h.call(null, { method: 'GET', url: '/readyz' }))).toEqual({
      status: 'ready',
      checks: ['database'],
    });
    const app = await h.buildApp({
      deps: {
        db: h.database.db,
        queue: h.queue,
        rules: [],
        checks: {
          database: async () => {},
          redis: async () => {
            throw new Error('connect ECONNREFUSED 127.0.0.1:6390');
          },
        },
      },
    });
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(json<ErrorBody>(response).error).toMatchObject({
      code: 'not_ready',
      details: { failed: ['redis'] },
    });
    expect(response.body).not.toContain('ECONNREFUSED');
  });
});
