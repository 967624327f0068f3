/**
 * 429s with retry-after(-ms) are ridden out by the SDK's retries; a malformed body fails only the
 * stream that read it; a refused admin key fails the scan as auth_failed without echoing the key;
 * credentials that are not what they claim are refused with a message naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAICredentials } from '../../../connectors/openai/credentials.ts';
import { findOpenAIViolations } from '../../../sandbox/index.ts';
import { type OpenAIHarness, startOpenAIHarness } from '../../support/openai-harness.ts';

describe('openai resilience', () => {
  let h: OpenAIHarness;
  beforeAll(async () => {
    h = await startOpenAIHarness();
  });
  afterAll(() => h?.close());

  const expected = () =>
    findOpenAIViolations(h.sim.org, new Date())
      .filter((v) => !v.ruleId.startsWith('common/dlp-'))
      .map((v) => `${v.ruleId} ${v.assetKey}`)
      .sort();

  it('rides out 429s, with and without retry headers', async () => {
    const users = h.sim.throttle.force({ path: '/organization/users', times: 2, retryAfterMs: 30 });
    const perProject = h.sim.throttle.force({
      path: '/organization/projects/{project_id}/api_keys',
      times: 3,
    });
    const bare = h.sim.throttle.force({ path: '/organization/invites', times: 1, retryAfterMs: null });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect([users.hits, perProject.hits, bare.hits]).toEqual([2, 3, 1]);
    expect((scan.httpStats.byStatus as Record<string, number>)['429']).toBe(6);
    expect(await h.findingKeys()).toEqual(expected());
  });

  it('a malformed body fails only the stream that read it, and resolves nothing', async () => {
    const before = await h.findingKeys();
    h.sim.faults.add({ path: '/organization/invites', kind: 'malformed' });
    try {
      const { outcome, scan } = await h.scan();
      expect(outcome.status).toBe('partial');
      expect(scan.streams.invites).toMatchObject({ status: 'failed', error: { code: 'malformed_response' } });
      const others = Object.entries(scan.streams).filter(([name]) => name !== 'invites');
      for (const [name, stream] of others) expect(stream.status, name).toBe('completed');
      expect(scan.rules['openai/stale-invite']?.status).toBe('not_evaluated');
      expect(scan.rules['openai/admin-key-unused']?.status).toBe('evaluated');
      expect(await h.findingKeys()).toEqual(before);
    } finally {
      h.sim.faults.clear();
    }
  });

  it('a refused admin key is auth_failed, and the message does not carry the key', async () => {
    const wrong = `sk-admin-${'Zq7'.repeat(16)}`;
    await h.setCredentials({ adminKey: wrong });
    try {
      const { outcome, scan } = await h.scan();
      expect(outcome.status).toBe('failed');
      expect(scan.error?.code).toBe('auth_failed');
      expect(scan.error?.message).toMatch(/HTTP 401: Incorrect API key provided/);
      const text = JSON.stringify(scan) + h.logs.join('');
      for (const fragment of [wrong, wrong.slice(-4), 'sk-admi*']) expect(text).not.toContain(fragment);
    } finally {
      await h.setCredentials({ adminKey: h.sim.adminKey, projectKeys: h.sim.projectKeys() });
    }
  });

  it('refuses credentials that are not what they claim, naming the field and not the value', () => {
    const projectKey = Object.values(h.sim.projectKeys())[0] as string;
    const asAdmin = OpenAICredentials.safeParse({ adminKey: projectKey });
    expect(asAdmin.success).toBe(false);
    expect(asAdmin.error?.issues[0]?.path).toEqual(['adminKey']);
    expect(asAdmin.error?.issues[0]?.message).toMatch(/not an OpenAI admin key/);
    expect(JSON.stringify(asAdmin.error)).not.toContain(projectKey);
    const notJson = OpenAICredentials.safeParse({
      adminKey: h.sim.adminKey,
      projectKeys: 'proj_a=sk-proj-x',
    });
    expect(notJson.error?.issues[0]?.message).toMatch(/projectKeys is not JSON/);
    const adminAsProject = OpenAICredentials.safeParse({
      adminKey: h.sim.adminKey,
      projectKeys: JSON.stringify({ proj_abc: h.sim.adminKey }),
    });
    expect(adminAsProject.error?.issues[0]?.message).toMatch(/project API key/);
    expect(JSON.stringify(adminAsProject.error)).not.toContain(h.sim.adminKey);
    expect(OpenAICredentials.safeParse({}).error?.issues[0]?.message).toMatch(/adminKey is required/);
  });
});
