import { createSign } from 'node:crypto';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubSimulator, startGitHubSimulator } from '../../sandbox/index.ts';
import { jsonOf, octokitFor, type RateLimitBody, silentLog } from './support.ts';

function signJwt(privateKey: string, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey, 'base64url')}`;
}

describe('GitHub simulator auth', () => {
  let sim: GitHubSimulator;
  beforeAll(async () => {
    sim = await startGitHubSimulator({ seed: 3 });
  });
  afterAll(() => sim.close());

  const appOctokit = () =>
    new Octokit({
      authStrategy: createAppAuth,
      auth: { appId: sim.app.appId, privateKey: sim.app.privateKey, installationId: sim.app.installationId },
      baseUrl: sim.baseUrl,
      log: silentLog,
    });

  it('lets a GitHub App get an installation token and list PAT grants and requests', async () => {
    const octokit = appOctokit();
    const grants = await octokit.paginate('GET /orgs/{org}/personal-access-tokens', {
      org: sim.org,
      per_page: 100,
    });
    expect(grants.map((g) => g.id)).toEqual(sim.tenant.patGrants.map((g) => g.id));
    const requests = await octokit.paginate('GET /orgs/{org}/personal-access-token-requests', {
      org: sim.org,
    });
    expect(requests).toHaveLength(sim.tenant.patRequests.length);
    expect(sim.requests.count('POST', '/app/installations/{installation_id}/access_tokens')).toBe(1);
    const installation = await octokit.request('GET /orgs/{org}/installation', { org: sim.org });
    expect(installation.data.id).toBe(sim.app.installationId);
  });

  it('issues installation tokens in both the classic and the longer stateless format', async () => {
    const auth = createAppAuth({
      appId: sim.app.appId,
      privateKey: sim.app.privateKey,
      request: appOctokit().request,
    });
    const lengths = new Set<number>();
    for (let i = 0; i < 2; i += 1) {
      const { token } = await auth({
        type: 'installation',
        installationId: sim.app.installationId,
        refresh: true,
      });
      expect(token).toMatch(/^ghs_/);
      lengths.add(token.length);
    }
    expect(lengths.has(40)).toBe(true);
    expect([...lengths].some((n) => n > 40)).toBe(true);
  });

  it('refuses PAT-only endpoints to a classic PAT with 403', async () => {
    const octokit = octokitFor(sim.baseUrl, sim.token);
    for (const route of [
      'GET /orgs/{org}/personal-access-tokens',
      'GET /orgs/{org}/personal-access-token-requests',
    ] as const) {
      await expect(octokit.request(route, { org: sim.org })).rejects.toMatchObject({
        status: 403,
        response: { data: { message: 'Resource not accessible by personal access token' } },
      });
    }
  });

  it('rejects App JWTs that are forged, too long-lived, or for another app', async () => {
    const now = Math.floor(Date.now() / 1000);
    const call = (jwt: string) =>
      fetch(`${sim.baseUrl}/app/installations/${sim.app.installationId}/access_tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}` },
      });
    const good = await call(
      signJwt(sim.app.privateKey, { iat: now - 30, exp: now + 540, iss: sim.app.appId }),
    );
    expect(good.status).toBe(201);
    expect(Object.keys(await jsonOf(good))).toEqual([
      'token',
      'expires_at',
      'permissions',
      'repository_selection',
    ]);
    const tooLong = await call(
      signJwt(sim.app.privateKey, { iat: now, exp: now + 3600, iss: sim.app.appId }),
    );
    expect(tooLong.status).toBe(401);
    const otherApp = await call(signJwt(sim.app.privateKey, { iat: now, exp: now + 300, iss: 1 }));
    expect(otherApp.status).toBe(401);
    const [head, body] = signJwt(sim.app.privateKey, { iat: now, exp: now + 300, iss: sim.app.appId }).split(
      '.',
    );
    expect((await call(`${head}.${body}.AAAA`)).status).toBe(401);
    // A PAT is not an App JWT.
    expect((await call(sim.token)).status).toBe(401);
  });

  it('accepts token and Bearer schemes case-insensitively and rejects unknown tokens', async () => {
    for (const scheme of ['token', 'Bearer', 'TOKEN']) {
      const response = await fetch(`${sim.baseUrl}/orgs/${sim.org}`, {
        headers: { authorization: `${scheme} ${sim.token}` },
      });
      expect(response.status).toBe(200);
    }
    const bad = await fetch(`${sim.baseUrl}/orgs/${sim.org}`, {
      headers: { authorization: 'token ghp_nope' },
    });
    expect(bad.status).toBe(401);
    expect(await jsonOf(bad)).toMatchObject({
      message: 'Bad credentials',
      documentation_url: expect.any(String),
    });
  });

  it('returns basic-error 404 for unknown routes and orgs', async () => {
    const headers = { authorization: `token ${sim.token}` };
    const unknown = await fetch(`${sim.baseUrl}/orgs/${sim.org}/no-such-thing`, { headers });
    expect(unknown.status).toBe(404);
    expect(await jsonOf(unknown)).toMatchObject({
      message: 'Not Found',
      documentation_url: expect.any(String),
    });
    expect((await fetch(`${sim.baseUrl}/orgs/other-org/hooks`, { headers })).status).toBe(404);
  });

  it('accepts the two supported API versions, answers 410 to others, and shapes bodies per version', async () => {
    const get = (version: string, path: string) =>
      fetch(`${sim.baseUrl}${path}`, {
        headers: { authorization: `token ${sim.token}`, 'x-github-api-version': version },
      });
    const old = await jsonOf<RateLimitBody>(get('2022-11-28', '/rate_limit'));
    const next = await jsonOf<RateLimitBody>(get('2026-03-10', '/rate_limit'));
    expect(old).toHaveProperty('rate');
    expect(next).not.toHaveProperty('rate');
    expect(next.resources.core.limit).toBe(5000);
    expect(await jsonOf(get('2026-03-10', `/orgs/${sim.org}`))).not.toHaveProperty(
      'secret_scanning_push_protection_custom_link_enabled',
    );
    expect((await get('2021-01-01', `/orgs/${sim.org}`)).status).toBe(410);
  });

  it('does not spend the primary budget on /rate_limit', async () => {
    const headers = { authorization: `token ${sim.token}` };
    const before = (await jsonOf<RateLimitBody>(fetch(`${sim.baseUrl}/rate_limit`, { headers }))).resources
      .core.remaining;
    const after = (await jsonOf<RateLimitBody>(fetch(`${sim.baseUrl}/rate_limit`, { headers }))).resources
      .core.remaining;
    expect(after).toBe(before);
  });
});

describe('GitHub simulator plans and budgets', () => {
  it('404s credential authorizations when the org is not on GHEC', async () => {
    const ghec = await startGitHubSimulator({ seed: 1 });
    const plain = await startGitHubSimulator({ seed: 1, ghec: false });
    try {
      const ok = await octokitFor(ghec.baseUrl, ghec.token).request(
        'GET /orgs/{org}/credential-authorizations',
        {
          org: ghec.org,
        },
      );
      expect(ok.data).toHaveLength(ghec.tenant.credentialAuthorizations.length);
      await expect(
        octokitFor(plain.baseUrl, plain.token).request('GET /orgs/{org}/credential-authorizations', {
          org: plain.org,
        }),
      ).rejects.toMatchObject({ status: 404 });
    } finally {
      await Promise.all([ghec.close(), plain.close()]);
    }
  });

  it('answers 403 with x-ratelimit-remaining 0 once the primary budget is spent', async () => {
    const sim = await startGitHubSimulator({ seed: 2, rateLimit: { limit: 3 } });
    try {
      const octokit = octokitFor(sim.baseUrl, sim.token);
      for (let i = 0; i < 3; i += 1) await octokit.request('GET /orgs/{org}', { org: sim.org });
      const error = await octokit.request('GET /orgs/{org}', { org: sim.org }).catch((e) => e);
      expect(error.status).toBe(403);
      expect(error.response.headers['x-ratelimit-remaining']).toBe('0');
      expect(Number(error.response.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
    } finally {
      await sim.close();
    }
  });
});
