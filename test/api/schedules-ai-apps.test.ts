/** Schedules (rows, and BullMQ job schedulers in real Redis) and the AI-app inventory through the API. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../api/app.ts';
import { upsertAssets } from '../../db/assets.ts';
import { getPolicy } from '../../db/policy.ts';
import { rules } from '../../rules/index.ts';
import { parseAsset } from '../../scanner/model.ts';
import { BullScanQueue } from '../../scanner/queue/bullmq.ts';
import { schedulerId } from '../../scanner/queue/schedules.ts';
import { type ApiHarness, json, startApiHarness } from './harness.ts';

type ErrorBody = { error: { code: string; message: string; details: { issues?: Array<{ field: string }> } } };
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('schedules and AI apps through the API', () => {
  let h: ApiHarness;
  let t: string;
  beforeAll(async () => {
    h = await startApiHarness();
    t = `/v1/tenants/${h.alpha.tenant.slug}`;
  });
  afterAll(async () => h?.close());

  it('sets, replaces, lists and removes the tenant schedule', async () => {
    const empty = await h.call(h.alpha.token, { method: 'GET', url: `${t}/schedules` });
    expect(json(empty)).toEqual({ items: [] });
    const created = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/schedules`,
      payload: { cron: '0 3 * * *', timezone: 'Europe/Paris' },
    });
    expect(created.statusCode).toBe(201);
    const schedule = json<{ id: string; nextRunAt: string; cron: string; timezone: string }>(created);
    expect(schedule).toMatchObject({
      id: schedulerId(h.alpha.tenant.id),
      cron: '0 3 * * *',
      timezone: 'Europe/Paris',
    });
    // 03:00 in Paris is 01:00 or 02:00 UTC.
    expect(['01', '02']).toContain(new Date(schedule.nextRunAt).toISOString().slice(11, 13));
    const replaced = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/schedules`,
      payload: { cron: '30 6 * * 1' },
    });
    expect(replaced.statusCode).toBe(200);
    expect(json(replaced)).toMatchObject({ cron: '30 6 * * 1', timezone: 'UTC' });
    const list = json<{ items: Array<{ cron: string }> }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${t}/schedules` }),
    );
    expect(list.items.map((i) => i.cron)).toEqual(['30 6 * * 1']);
    const removed = await h.call(h.alpha.token, { method: 'DELETE', url: `${t}/schedules/${schedule.id}` });
    expect(removed.statusCode).toBe(204);
    const again = await h.call(h.alpha.token, { method: 'DELETE', url: `${t}/schedules/${schedule.id}` });
    expect(json<ErrorBody>(again).error.code).toBe('not_found');
  });

  it('refuses a bad cron or time zone naming the field, and needs scans:write to change', async () => {
    for (const [payload, field] of [
      [{ cron: '61 * * * *' }, 'body.cron'],
      [{ cron: 'every day' }, 'body.cron'],
      [{ cron: '0 3 * * *', timezone: 'Mars/Olympus' }, 'body.timezone'],
    ] as const) {
      const response = await h.call(h.alpha.token, { method: 'POST', url: `${t}/schedules`, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const body = json<ErrorBody>(response);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details.issues?.[0]?.field).toBe(field);
    }
    const reader = await h.token({ tenant: h.alpha.tenant.slug, scopes: ['findings:read'] });
    const denied = await h.call(reader, {
      method: 'POST',
      url: `${t}/schedules`,
      payload: { cron: '0 3 * * *' },
    });
    expect(denied.statusCode).toBe(403);
    expect((await h.call(reader, { method: 'GET', url: `${t}/schedules` })).statusCode).toBe(200);
  });

  it('changes cron, zone or enabled in place, keeping what is not named', async () => {
    const url = `${t}/schedules/${schedulerId(h.alpha.tenant.id)}`;
    const patch = (payload: object, token = h.alpha.token) =>
      h.call(token, { method: 'PATCH', url, payload });
    expect(json<ErrorBody>(await patch({ enabled: false })).error.code).toBe('not_found');
    await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/schedules`,
      payload: { cron: '0 3 * * *', timezone: 'Europe/Paris' },
    });

    const cron = await patch({ cron: '0 5 * * 1-5' });
    expect(cron.statusCode, cron.body).toBe(200);
    expect(json(cron)).toMatchObject({ cron: '0 5 * * 1-5', timezone: 'Europe/Paris', enabled: true });
    const paused = await patch({ enabled: false });
    expect(json(paused)).toMatchObject({ cron: '0 5 * * 1-5', timezone: 'Europe/Paris', enabled: false });
    const zone = await patch({ timezone: 'America/New_York', enabled: true });
    expect(json(zone)).toMatchObject({ cron: '0 5 * * 1-5', timezone: 'America/New_York', enabled: true });
    // 05:00 in New York is 09:00 or 10:00 UTC.
    expect(['09', '10']).toContain(
      new Date(json<{ nextRunAt: string }>(zone).nextRunAt).toISOString().slice(11, 13),
    );

    for (const [payload, field] of [
      [{ cron: '0 25 * * *' }, 'body.cron'],
      [{ timezone: 'Mars/Olympus' }, 'body.timezone'],
    ] as const) {
      const bad = await patch(payload);
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json<ErrorBody>(bad).error.details.issues?.[0]?.field).toBe(field);
    }
    const empty = await patch({});
    expect(empty.statusCode).toBe(400);
    expect(json<ErrorBody>(empty).error.code).toBe('validation_failed');
    const reader = await h.token({ tenant: h.alpha.tenant.slug, scopes: ['findings:read'] });
    expect((await patch({ enabled: false }, reader)).statusCode).toBe(403);
    // Nothing refused changed anything.
    const list = json<{ items: unknown[] }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${t}/schedules` }),
    );
    expect(list.items).toEqual([
      expect.objectContaining({ cron: '0 5 * * 1-5', timezone: 'America/New_York', enabled: true }),
    ]);
    await h.call(h.alpha.token, { method: 'DELETE', url });
  });

  describe('with BullMQ (real Redis)', () => {
    let app: FastifyInstance;
    let queue: BullScanQueue;
    beforeAll(async () => {
      queue = new BullScanQueue(
        { db: h.database.db },
        { redisUrl, prefix: `test-api-${randomBytes(4).toString('hex')}` },
      );
      app = await build({ deps: { db: h.database.db, queue, rules, checks: {} }, rateLimit: false });
    });
    afterAll(async () => {
      await app?.close();
      await queue?.queue.obliterate({ force: true });
      await queue?.close();
    });

    it('mirrors the schedule into a job scheduler with its zone, and removes it', async () => {
      const headers = { authorization: `Bearer ${h.bravo.token}` };
      const url = `/v1/tenants/${h.bravo.tenant.slug}/schedules`;
      const created = await app.inject({
        method: 'POST',
        url,
        headers,
        payload: { cron: '15 2 * * *', timezone: 'Asia/Tokyo' },
      });
      expect(created.statusCode).toBe(201);
      const id = schedulerId(h.bravo.tenant.id);
      const scheduler = await queue.queue.getJobScheduler(id);
      expect(scheduler).toMatchObject({ pattern: '15 2 * * *', tz: 'Asia/Tokyo' });
      expect((await app.inject({ method: 'DELETE', url: `${url}/${id}`, headers })).statusCode).toBe(204);
      expect(await queue.queue.getJobScheduler(id)).toBeFalsy();
    });

    it('updates the job scheduler on PATCH, removes it while disabled and restores it', async () => {
      const headers = { authorization: `Bearer ${h.bravo.token}` };
      const url = `/v1/tenants/${h.bravo.tenant.slug}/schedules`;
      const id = schedulerId(h.bravo.tenant.id);
      const patch = (payload: object) =>
        app.inject({ method: 'PATCH', url: `${url}/${id}`, headers, payload });
      await app.inject({
        method: 'POST',
        url,
        headers,
        payload: { cron: '15 2 * * *', timezone: 'Asia/Tokyo' },
      });
      expect((await patch({ cron: '45 4 * * 0' })).statusCode).toBe(200);
      expect(await queue.queue.getJobScheduler(id)).toMatchObject({
        pattern: '45 4 * * 0',
        tz: 'Asia/Tokyo',
      });
      expect((await patch({ enabled: false })).statusCode).toBe(200);
      expect(await queue.queue.getJobScheduler(id)).toBeFalsy();
      expect((await patch({ enabled: true, timezone: 'UTC' })).statusCode).toBe(200);
      expect(await queue.queue.getJobScheduler(id)).toMatchObject({ pattern: '45 4 * * 0', tz: 'UTC' });
      expect((await app.inject({ method: 'DELETE', url: `${url}/${id}`, headers })).statusCode).toBe(204);
    });
  });

  it('lists the AI-app inventory and records approval decisions in the policy', async () => {
    await upsertAssets(
      h.database.db,
      {
        tenantId: h.alpha.tenant.id,
        connectionId: h.alpha.connectionId,
        scanId: randomUUID(),
        stream: 'ai-test',
      },
      [
        parseAsset({
          kind: 'oauth_grant',
          provider: 'github',
          externalId: 'grant:ai-test',
          name: 'ChatGPT',
          observedAt: new Date().toISOString(),
          appId: 'chatgpt-app',
          appName: 'ChatGPT',
          principal: 'dave@alpha.example',
          principalType: 'user',
          scopes: ['repo'],
          scopeRisk: 'high',
          aiCatalogId: 'chatgpt',
        } as Parameters<typeof parseAsset>[0]),
      ],
      new Date(),
    );
    const list = json<{ items: Array<Record<string, unknown>> }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${t}/ai-apps` }),
    );
    const chatgpt = list.items.find((i) => i.app === 'chatgpt');
    expect(chatgpt).toMatchObject({
      approval: 'unreviewed',
      users: 1,
      sampleUsers: ['dave@alpha.example'],
      highestScopeRisk: 'high',
    });
    // Bravo's inventory does not see alpha's grant.
    const bravo = json<{ items: Array<{ app: string; sampleUsers: string[] }> }>(
      await h.call(h.bravo.token, { method: 'GET', url: `/v1/tenants/${h.bravo.tenant.slug}/ai-apps` }),
    );
    expect(bravo.items.flatMap((i) => i.sampleUsers)).not.toContain('dave@alpha.example');

    const approve = await h.call(h.alpha.token, {
      method: 'PUT',
      url: `${t}/ai-apps/chatgpt/approval`,
      payload: { status: 'approved' },
    });
    expect(json(approve)).toEqual({ app: 'chatgpt', status: 'approved' });
    expect((await getPolicy(h.database.db, h.alpha.tenant.id)).appApprovals.chatgpt).toBe('approved');
    const after = json<{ items: Array<{ app: string; approval: string }> }>(
      await h.call(h.alpha.token, { method: 'GET', url: `${t}/ai-apps` }),
    );
    expect(after.items.find((i) => i.app === 'chatgpt')?.approval).toBe('approved');
    // By <provider>:<appId> of a stored grant; unreviewed removes the key.
    const byApp = await h.call(h.alpha.token, {
      method: 'PUT',
      url: `${t}/ai-apps/github:chatgpt-app/approval`,
      payload: { status: 'in_review' },
    });
    expect(byApp.statusCode).toBe(200);
    await h.call(h.alpha.token, {
      method: 'PUT',
      url: `${t}/ai-apps/chatgpt/approval`,
      payload: { status: 'unreviewed' },
    });
    expect((await getPolicy(h.database.db, h.alpha.tenant.id)).appApprovals).toEqual({
      'github:chatgpt-app': 'in_review',
    });

    const unknown = await h.call(h.alpha.token, {
      method: 'PUT',
      url: `${t}/ai-apps/github:no-such-app/approval`,
      payload: { status: 'approved' },
    });
    expect(json<ErrorBody>(unknown).error.code).toBe('not_found');
    const badStatus = await h.call(h.alpha.token, {
      method: 'PUT',
      url: `${t}/ai-apps/chatgpt/approval`,
      payload: { status: 'maybe' },
    });
    expect(json<ErrorBody>(badStatus).error.details.issues?.[0]?.field).toBe('body.status');
    const reader = await h.token({ tenant: h.alpha.tenant.slug, scopes: ['findings:read'] });
    const denied = await h.call(reader, {
      method: 'PUT',
      url: `${t}/ai-apps/chatgpt/approval`,
      payload: { status: 'approved' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
