/** Tenants, rules, policy, assets, connections and scans through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrGetActiveScan } from '../../db/scans.ts';
import { rules } from '../../rules/index.ts';
import { type ApiHarness, json, startApiHarness } from './harness.ts';

type ErrorBody = { error: { code: string; message: string; details: { issues?: Array<{ field: string }> } } };
interface ScanBody {
  id: string;
  connectionId: string;
  status: string;
  trigger: string;
  streams: Record<string, { status: string; assets: number; checkpoint?: unknown }>;
  httpCalls: number;
}

describe('API resources', () => {
  let h: ApiHarness;
  let t: string;
  beforeAll(async () => {
    h = await startApiHarness();
    t = `/v1/tenants/${h.alpha.tenant.slug}`;
  });
  afterAll(async () => h?.close());

  it('lists, creates and gets tenants with an installation token', async () => {
    const list = json<{ items: Array<{ slug: string }> }>(
      await h.call(h.adminToken, { method: 'GET', url: '/v1/tenants' }),
    );
    expect(list.items.map((i) => i.slug)).toEqual([h.alpha.tenant.slug, h.bravo.tenant.slug]);
    const created = await h.call(h.adminToken, {
      method: 'POST',
      url: '/v1/tenants',
      payload: { slug: 'globex', name: 'Globex' },
    });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({ slug: 'globex', name: 'Globex' });
    const again = await h.call(h.adminToken, {
      method: 'POST',
      url: '/v1/tenants',
      payload: { slug: 'globex' },
    });
    expect(again.statusCode).toBe(409);
    expect(json<ErrorBody>(again).error.code).toBe('conflict');
    const bad = await h.call(h.adminToken, {
      method: 'POST',
      url: '/v1/tenants',
      payload: { slug: 'Not OK' },
    });
    expect(bad.statusCode).toBe(400);
    expect(json<ErrorBody>(bad).error.details.issues?.[0]?.field).toBe('body.slug');
    const byId = await h.call(h.adminToken, { method: 'GET', url: `/v1/tenants/${h.alpha.tenant.id}` });
    expect(json(byId)).toMatchObject({ id: h.alpha.tenant.id, slug: h.alpha.tenant.slug });
  });

  it('serves the rule catalog with framework mappings and filters', async () => {
    const all = json<{ items: Array<{ id: string; frameworks: Record<string, string[]> }> }>(
      await h.call(h.alpha.token, { method: 'GET', url: '/v1/rules' }),
    );
    expect(all.items.map((r) => r.id)).toEqual(rules.map((r) => r.id).sort());
    const soc2 = json<{
      items: Array<{ id: string; frameworks: Record<string, string[]>; provider: string }>;
    }>(
      await h.call(h.alpha.token, {
        method: 'GET',
        url: '/v1/rules',
        query: { framework: 'soc2:CC6.1', provider: 'github' },
      }),
    );
    expect(soc2.items.length).toBeGreaterThan(0);
    expect(soc2.items.every((r) => r.frameworks.soc2?.includes('CC6.1') && r.provider === 'github')).toBe(
      true,
    );
    const one = await h.call(h.alpha.token, { method: 'GET', url: '/v1/rules/github/org-too-many-owners' });
    expect(json(one)).toMatchObject({ id: 'github/org-too-many-owners', provider: 'github', type: 'tenant' });
    const none = await h.call(h.alpha.token, { method: 'GET', url: '/v1/rules/github/no-such-rule' });
    expect(none.statusCode).toBe(404);
  });

  it('reads and patches the tenant policy, refusing bad values by field', async () => {
    const before = json<{ staleDays: number }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${t}/policy` }),
    );
    expect(before.staleDays).toBe(90);
    const patched = await h.call(h.alpha.token, {
      method: 'PATCH',
      url: `${t}/policy`,
      payload: { staleDays: 30, severityOverrides: { 'github/org-too-many-owners': 'critical' } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json(patched)).toMatchObject({
      staleDays: 30,
      severityOverrides: { 'github/org-too-many-owners': 'critical' },
    });
    for (const [payload, field] of [
      [{ staleDays: -1 }, 'body.staleDays'],
      [{ stale: 3 }, 'body.stale'],
      [{ severityOverrides: { 'github/org-too-many-owners': 'urgent' } }, 'body.severityOverrides'],
    ] as const) {
      const refused = await h.call(h.alpha.token, { method: 'PATCH', url: `${t}/policy`, payload });
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json<ErrorBody>(refused).error.message).toContain(field);
    }
    const bravo = json<{ staleDays: number }>(
      await h.call(h.bravo.token, { method: 'GET', url: `/v1/tenants/${h.bravo.tenant.slug}/policy` }),
    );
    expect(bravo.staleDays).toBe(90);
  });

  it('lists assets by kind, page by page', async () => {
    const kinds = json<{ items: Array<{ kind: string; connectionId: string; key: string }> }>(
      await h.call(h.alpha.token, {
        method: 'GET',
        url: `${t}/assets`,
        query: { kind: 'identity', limit: '500' },
      }),
    );
    expect(kinds.items.length).toBeGreaterThan(0);
    expect(kinds.items.every((a) => a.kind === 'identity' && a.connectionId === h.alpha.connectionId)).toBe(
      true,
    );
    const keys: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ key: string }>; nextCursor: string | null } = json(
        await h.call(h.alpha.token, {
          method: 'GET',
          url: `${t}/assets`,
          query: { kind: 'identity', limit: '9', ...(cursor ? { cursor } : {}) },
        }),
      );
      keys.push(...page.items.map((a) => a.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(keys).toEqual(kinds.items.map((a) => a.key));
  });

  it('shows connections with their last scan and per-stream status, never credentials', async () => {
    const list = await h.call(h.alpha.token, { method: 'GET', url: `${t}/connections` });
    const key = h.alpha.harness.sim.app.privateKey;
    expect(list.body).not.toContain(key.split('\n')[1]);
    expect(list.body).not.toMatch(/secretCiphertext|privateKey|BEGIN/);
    const items = json<{ items: Array<{ id: string; lastScan: ScanBody }> }>(list).items;
    expect(items.map((c) => c.id)).toEqual([h.alpha.connectionId]);
    const detail = json<{ lastScan: ScanBody }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${t}/connections/${h.alpha.connectionId}` }),
    );
    expect(detail.lastScan.status).toBe('succeeded');
    expect(
      Object.values(detail.lastScan.streams).every(
        (s) => s.status === 'completed' && s.checkpoint === undefined,
      ),
    ).toBe(true);
    expect(detail.lastScan.httpCalls).toBeGreaterThan(0);
  });

  it('starts a scan, shows it running to completion, and lists it', async () => {
    const started = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/scans`,
      payload: { provider: 'github' },
    });
    expect(started.statusCode, started.body).toBe(202);
    const [scan] = json<{ items: ScanBody[] }>(started).items;
    expect(scan).toMatchObject({ connectionId: h.alpha.connectionId, trigger: 'api' });
    expect((await h.queue.waitFor(scan!.id)).status).toBe('succeeded');
    const detail = json<ScanBody>(
      await h.call(h.alpha.token, { method: 'GET', url: `${t}/scans/${scan!.id}` }),
    );
    expect(detail.status).toBe('succeeded');
    expect(Object.keys(detail.streams).length).toBeGreaterThan(0);
    const list = json<{ items: ScanBody[] }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${t}/scans`, query: { status: 'succeeded' } }),
    );
    expect(list.items[0]!.id).toBe(scan!.id);
    expect(list.items.map((s) => s.id)).toContain(h.alpha.scan.id);
    const none = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/scans`,
      payload: { provider: 'microsoft-365' },
    });
    expect(none.statusCode).toBe(404);
    expect(json<ErrorBody>(none).error.message).toBe('no microsoft-365 connection in this tenant');
  });

  it('cancels a queued scan, and refuses to cancel a finished one', async () => {
    const { scan } = await createOrGetActiveScan(h.database.db, h.alpha.tenant.id, h.alpha.connectionId);
    const cancelled = await h.call(h.alpha.token, { method: 'POST', url: `${t}/scans/${scan.id}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json<ScanBody>(cancelled).status).toBe('cancelled');
    const finished = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/scans/${h.alpha.scan.id}/cancel`,
    });
    expect(finished.statusCode).toBe(409);
    expect(json<ErrorBody>(finished).error.message).toContain('already finished (succeeded)');
  });

  it('deletes a connection with its findings', async () => {
    const url = `/v1/tenants/${h.bravo.tenant.slug}/connections/${h.bravo.connectionId}`;
    const deleted = await h.call(h.bravo.token, { method: 'DELETE', url });
    expect(deleted.statusCode).toBe(204);
    expect((await h.call(h.bravo.token, { method: 'GET', url })).statusCode).toBe(404);
    const findings = json<{ items: unknown[] }>(
      await h.call(h.bravo.token, {
        method: 'GET',
        url: `/v1/tenants/${h.bravo.tenant.slug}/findings`,
        query: { status: 'all' },
      }),
    );
    expect(findings.items).toEqual([]);
    expect((await h.call(h.bravo.token, { method: 'DELETE', url })).statusCode).toBe(404);
  });
});
