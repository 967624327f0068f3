/**
 * What the dashboard needs from the API: the read-only routes finding-trend (what each scan
 * opened and resolved) and token (which tenant and scopes the pasted token has), and the built
 * files served at `/` (or a 503 saying how to build them).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, json, startApiHarness } from './harness.ts';

type Trend = {
  items: Array<{ scanId: string; connectionId: string; status: string; opened: number; resolved: number }>;
};

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => h?.close());

describe('GET /v1/tenants/:tenant/finding-trend', () => {
  it('counts the findings the first scan opened, then a rescan that changes nothing', async () => {
    const url = `/v1/tenants/${h.alpha.tenant.slug}/finding-trend`;
    const first = json<Trend>(await h.call(h.alpha.token, { method: 'GET', url }));
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      scanId: h.alpha.scan.id,
      connectionId: h.alpha.connectionId,
      opened: h.alpha.findings.length,
      resolved: 0,
    });
    expect(h.alpha.findings.length).toBeGreaterThan(0);

    const started = await h.call(h.alpha.token, {
      method: 'POST',
      url: `/v1/tenants/${h.alpha.tenant.slug}/scans`,
      payload: {},
    });
    const rescan = json<{ items: Array<{ id: string }> }>(started).items[0]!;
    await h.queue.waitFor(rescan.id);
    const second = json<Trend>(await h.call(h.alpha.token, { method: 'GET', url }));
    expect(second.items.map((i) => i.scanId)).toEqual([h.alpha.scan.id, rescan.id]);
    expect(second.items[1]).toMatchObject({ status: 'succeeded', opened: 0, resolved: 0 });
  });

  it('shows one tenant only its own scans and needs findings:read', async () => {
    const url = `/v1/tenants/${h.bravo.tenant.slug}/finding-trend`;
    const bravo = json<Trend>(await h.call(h.bravo.token, { method: 'GET', url }));
    expect(bravo.items.map((i) => i.scanId)).toEqual([h.bravo.scan.id]);
    const refused = await h.call(h.alpha.token, { method: 'GET', url });
    expect(refused.statusCode).toBe(404);
    const noScope = await h.token({ tenant: h.bravo.tenant.slug, scopes: ['scans:write'] });
    expect((await h.call(noScope, { method: 'GET', url })).statusCode).toBe(403);
  });
});

describe('GET /v1/token', () => {
  it("names a tenant token's tenant and scopes, and never echoes the token", async () => {
    const token = await h.token({ tenant: h.alpha.tenant.slug, scopes: ['findings:read'] });
    const response = await h.call(token, { method: 'GET', url: '/v1/token' });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({
      tenant: { id: h.alpha.tenant.id, slug: h.alpha.tenant.slug },
      scopes: ['findings:read'],
    });
    expect(response.body).not.toContain(token);
  });

  it('answers null for an installation token, and 401 without a valid one', async () => {
    const self = json<{ tenant: unknown; scopes: string[] }>(
      await h.call(h.adminToken, { method: 'GET', url: '/v1/token' }),
    );
    expect(self.tenant).toBeNull();
    expect(self.scopes).toContain('tenants:admin');
    expect((await h.call(null, { method: 'GET', url: '/v1/token' })).statusCode).toBe(401);
  });
});

describe('the dashboard at /', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-web-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html and hashed assets with their cache rules and the security headers', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!DOCTYPE html><title>Periscope</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = await h.buildApp({ webRoot: root });
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>Periscope</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The API keeps its JSON 404s next to the static files.
    const missing = await app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(json<{ error: { code: string } }>(missing).error.code).toBe('not_found');
  });

  it('answers 503 with how to build it when web/dist has no build', async () => {
    const app = await h.buildApp({ webRoot: join(tempDir(), 'dist') });
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('npm run build:web');
  });

  it('is not served at all when build() gets no web root (API only)', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
  });
});
