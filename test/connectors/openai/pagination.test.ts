/**
 * Every cursor style with tiny pages: `CursorPage` (admin keys, files, vector stores, assistants:
 * last item id), `ConversationCursorPage` (projects, users, invites, project keys/users/service
 * accounts, rate limits, audit log: body `last_id`). Each stream stores exactly the simulator's
 * objects, so a skipped page fails here; a server that leaves `last_id` out fails the read
 * rather than truncating it silently; `limit` outside the documented range is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOpenAIViolations } from '../../../sandbox/index.ts';
import { type OpenAIHarness, startOpenAIHarness } from '../../support/openai-harness.ts';

describe('openai pagination', () => {
  let h: OpenAIHarness;
  beforeAll(async () => {
    h = await startOpenAIHarness({ sim: { pageCap: 2, size: { projects: 7, keys: 50, users: 25 } } });
  });
  afterAll(() => h?.close());

  it('reads every page of every list', async () => {
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    const org = h.sim.org;
    const active = org.projects.filter((p) => p.archivedAt === null);
    const sum = (f: (p: (typeof active)[number]) => number) => active.reduce((n, p) => n + f(p), 0);
    expect(scan.streams.users?.assets).toBe(org.users.filter((u) => !u.removed).length);
    expect(scan.streams.invites?.assets).toBe(org.invites.length);
    expect(scan.streams.projects?.assets).toBe(org.projects.length);
    expect(scan.streams['admin-keys']?.assets).toBe(org.adminKeys.length);
    expect(scan.streams['project-keys']?.assets).toBe(sum((p) => p.apiKeys.length));
    expect(scan.streams['service-accounts']?.assets).toBe(
      sum((p) => p.serviceAccounts.filter((s) => !s.removed).length),
    );
    expect(scan.streams.files?.assets).toBe(sum((p) => p.files.length));
    expect(scan.streams['vector-stores']?.assets).toBe(sum((p) => p.vectorStores.length));
    expect(scan.streams.assistants?.assets).toBe(sum((p) => p.assistants.length));
    // More than one page was needed where the data allows it.
    const calls = h.sim.requests;
    expect(calls.count('GET', '/organization/users')).toBe(
      Math.ceil(org.users.filter((u) => !u.removed).length / 2),
    );
    expect(calls.count('GET', '/organization/admin_api_keys')).toBe(Math.ceil(org.adminKeys.length / 2));
    expect(calls.count('GET', '/organization/audit_logs')).toBeGreaterThan(2);
    // Logins on later audit pages count: nobody who logged in recently is reported inactive.
    const expected = findOpenAIViolations(org, new Date())
      .filter((v) => !v.ruleId.startsWith('common/dlp-')) // no DLP queue in this harness
      .map((v) => `${v.ruleId} ${v.assetKey}`);
    expect((await h.findingKeys()).sort()).toEqual(expected.sort());
  });

  it('fails the lists whose server leaves last_id out instead of truncating them, resolving nothing', async () => {
    const before = await h.findingKeys();
    h.sim.settings.omitLastId = true;
    try {
      const { outcome, scan } = await h.scan();
      expect(outcome.status).toBe('partial');
      for (const name of ['users', 'invites', 'projects', 'project-keys']) {
        expect(scan.streams[name]?.status, name).toBe('failed');
        expect(scan.streams[name]?.error?.code, name).toBe('malformed_response');
        expect(scan.streams[name]?.error?.message, name).toMatch(/has_more/);
      }
      expect(await h.findingKeys()).toEqual(before);
      expect(await h.findingKeys('resolved')).toEqual([]);
    } finally {
      h.sim.settings.omitLastId = false;
    }
  });

  it('answers 400 for a limit outside the documented range', async () => {
    const get = (path: string) =>
      fetch(`${h.sim.baseURL}${path}`, { headers: { authorization: `Bearer ${h.sim.adminKey}` } });
    const tooBig = await get('/organization/users?limit=101');
    expect(tooBig.status).toBe(400);
    expect(((await tooBig.json()) as { error: { param: string } }).error.param).toBe('limit');
    expect((await get('/organization/users?limit=0')).status).toBe(400);
    expect((await get('/organization/projects?limit=100')).status).toBe(200);
  });
});
