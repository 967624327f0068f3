/** /v1/tenants/{t}/exports: SIEM sinks over the API — add, inspect, change, replay, backfill, remove. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HEC_TOKEN, type HecReceiver, startHecReceiver } from '../../sandbox/siem/index.ts';
import { drainSink } from '../../siem/drain.ts';
import { type ApiHarness, json, startApiHarness } from './harness.ts';

describe('export sinks API', () => {
  let h: ApiHarness;
  let hec: HecReceiver;
  const base = () => `/v1/tenants/${h.alpha.tenant.slug}/exports`;

  beforeAll(async () => {
    h = await startApiHarness();
    hec = await startHecReceiver();
  }, 120_000);
  afterAll(async () => {
    await hec.close();
    await h.close();
  });

  it('adds a sink, stores the secret encrypted and never returns it', async () => {
    const created = await h.call(h.alpha.token, {
      method: 'POST',
      url: base(),
      payload: {
        type: 'splunk-hec',
        name: 'splunk',
        config: { url: hec.url, timeoutMs: 2000 },
        secrets: { token: 'wrong-token-1234' },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({
      name: 'splunk',
      type: 'splunk-hec',
      state: 'active',
      secretKeys: ['token'],
      cursor: 0,
    });
    expect(created.body).not.toContain('wrong-token-1234');
    expect(json<{ lagEvents: number }>(created).lagEvents).toBeGreaterThan(0);

    const list = json<{ items: Array<{ name: string }> }>(
      await h.call(h.alpha.token, { method: 'GET', url: base() }),
    );
    expect(list.items.map((s) => s.name).sort()).toEqual(['nightly-file', 'splunk']);
    const stored = await h.database.db.execute(
      sql`select secret_ciphertext from export_sinks where name = 'splunk'`,
    );
    expect(JSON.stringify(stored)).not.toContain('wrong-token-1234');
  });

  it('names a bad setting, an unknown type and a duplicate name with 400s', async () => {
    const badKey = await h.call(h.alpha.token, {
      method: 'POST',
      url: base(),
      payload: {
        type: 'splunk-hec',
        name: 'x1',
        config: { url: hec.url, colour: 'red' },
        secrets: { token: 't' },
      },
    });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.body).toContain('colour');
    const badType = await h.call(h.alpha.token, {
      method: 'POST',
      url: base(),
      payload: { type: 'kafka', config: {}, secrets: {} },
    });
    expect(badType.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(badType).error.code).toBeTruthy();
    const duplicate = await h.call(h.alpha.token, {
      method: 'POST',
      url: base(),
      payload: { type: 'file', name: 'nightly-file', config: { path: '/tmp/x.ndjson' } },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('already exists');
  });

  it('needs exports:write to change sinks and findings:read to see them', async () => {
    const reader = await h.token({ tenant: h.alpha.tenant.slug, scopes: ['findings:read'] });
    expect((await h.call(reader, { method: 'GET', url: base() })).statusCode).toBe(200);
    const post = await h.call(reader, {
      method: 'POST',
      url: base(),
      payload: { type: 'file', name: 'f2', config: { path: '/tmp/y.ndjson' } },
    });
    expect(post.statusCode).toBe(403);
    expect((await h.call(reader, { method: 'DELETE', url: `${base()}/nightly-file` })).statusCode).toBe(403);
  });

  it('shows a refused batch as dead letters, and replays it after the token is fixed', async () => {
    const sinkId = json<{ id: string }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${base()}/splunk` }),
    ).id;
    expect((await drainSink(h.exports, sinkId)).status).toBe('paused');
    const paused = json<{ state: string; pausedReason: string; deadLetters: number; lagEvents: number }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${base()}/splunk` }),
    );
    expect(paused).toMatchObject({ state: 'paused', lagEvents: 0 });
    expect(paused.pausedReason).toMatch(/token/i);
    expect(paused.deadLetters).toBeGreaterThan(0);
    const letters = json<{ items: Array<{ eventId: number; reason: string }> }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${base()}/splunk/dead-letters` }),
    );
    expect(letters.items).toHaveLength(paused.deadLetters);

    const patched = await h.call(h.alpha.token, {
      method: 'PATCH',
      url: `${base()}/splunk`,
      payload: { secrets: { token: DEFAULT_HEC_TOKEN } },
    });
    expect(patched.statusCode).toBe(200);
    expect(json(patched)).toMatchObject({ state: 'active', pausedReason: null });
    const replay = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${base()}/splunk/replay`,
      payload: {},
    });
    expect(replay.statusCode).toBe(200);
    expect(json(replay)).toMatchObject({
      replayed: letters.items.length,
      stillRefused: 0,
      sink: { deadLetters: 0 },
    });
    expect(hec.eventCount).toBe(letters.items.length);
    // Bravo's events never reach alpha's sink.
    const tenants = new Set(hec.events.map((e) => e.envelope.fields?.tenant));
    expect([...tenants]).toEqual([h.alpha.tenant.slug]);
  });

  it('backfills from a date and reports lag in /metrics', async () => {
    const backfill = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${base()}/splunk/backfill`,
      payload: { since: '2000-01-01' },
    });
    expect(backfill.statusCode).toBe(200);
    const body = json<{ fromEventId: number; sink: { lagEvents: number; cursor: number } }>(backfill);
    expect(body.sink.cursor).toBe(body.fromEventId - 1);
    expect(body.sink.lagEvents).toBeGreaterThan(0);
    const metrics = await h.call(h.adminToken, { method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(
      new RegExp(
        `periscope_export_lag_events\\{tenant="${h.alpha.tenant.slug}",sink="splunk",type="splunk-hec"\\} ${body.sink.lagEvents}`,
      ),
    );
    expect(metrics.body).toContain('periscope_export_dead_letters{');
  });

  it('removes a sink', async () => {
    expect((await h.call(h.alpha.token, { method: 'DELETE', url: `${base()}/splunk` })).statusCode).toBe(204);
    expect((await h.call(h.alpha.token, { method: 'GET', url: `${base()}/splunk` })).statusCode).toBe(404);
  });
});
