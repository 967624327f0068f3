import { RequestError } from '@octokit/request-error';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubSimulator, startGitHubSimulator } from '../../sandbox/index.ts';
import { octokitFor } from './support.ts';

describe('GitHub simulator lists', () => {
  let sim: GitHubSimulator;
  beforeAll(async () => {
    sim = await startGitHubSimulator({ seed: 7, size: { members: 250, repos: 60, installations: 7 } });
  });
  afterAll(() => sim.close());

  it('paginates members with per_page 100: every member arrives once, one call per page', async () => {
    const octokit = octokitFor(sim.baseUrl, sim.token);
    sim.requests.reset();
    const members = await octokit.paginate('GET /orgs/{org}/members', { org: sim.org, per_page: 100 });
    expect(members.map((m) => m.id).sort()).toEqual(sim.tenant.members.map((m) => m.id).sort());
    expect(new Set(members.map((m) => m.login)).size).toBe(250);
    expect(sim.requests.count('GET', '/orgs/{org}/members')).toBe(3);
  });

  it('writes GitHub-style absolute link headers pointing at itself', async () => {
    const octokit = octokitFor(sim.baseUrl, sim.token);
    const first = await octokit.request('GET /orgs/{org}/members', { org: sim.org, per_page: 100 });
    expect(first.headers.link).toBe(
      `<${sim.baseUrl}/orgs/${sim.org}/members?per_page=100&page=2>; rel="next", ` +
        `<${sim.baseUrl}/orgs/${sim.org}/members?per_page=100&page=3>; rel="last"`,
    );
    const middle = await octokit.request('GET /orgs/{org}/members', { org: sim.org, per_page: 100, page: 2 });
    expect(middle.headers.link).toContain('rel="prev"');
    expect(middle.headers.link).toContain('rel="first"');
    const defaultPage = await octokit.request('GET /orgs/{org}/members', { org: sim.org });
    expect(defaultPage.data).toHaveLength(30);
    const capped = await octokit.request('GET /orgs/{org}/members', { org: sim.org, per_page: 500 });
    expect(capped.data).toHaveLength(100);
  });

  it('wraps installations as {total_count, installations} and paginate flattens them', async () => {
    const octokit = octokitFor(sim.baseUrl, sim.token);
    const page = await octokit.request('GET /orgs/{org}/installations', { org: sim.org, per_page: 3 });
    expect(Object.keys(page.data)).toEqual(['total_count', 'installations']);
    expect(page.data.total_count).toBe(7);
    const all = await octokit.paginate('GET /orgs/{org}/installations', { org: sim.org, per_page: 3 });
    expect(all.map((i) => i.id)).toEqual(sim.tenant.installations.map((i) => i.id));
  });

  it('answers a matching if-none-match with 304 that does not spend the rate limit', async () => {
    const octokit = octokitFor(sim.baseUrl, sim.token);
    const first = await octokit.request('GET /orgs/{org}/repos', { org: sim.org, per_page: 50 });
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const error = await octokit
      .request('GET /orgs/{org}/repos', {
        org: sim.org,
        per_page: 50,
        headers: { 'if-none-match': first.headers.etag },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(304);
    expect(Number((error as RequestError).response?.headers['x-ratelimit-remaining'])).toBe(remaining);
    const after = await octokit.request('GET /orgs/{org}/repos', { org: sim.org, per_page: 50 });
    expect(Number(after.headers['x-ratelimit-remaining'])).toBe(remaining - 1);
    // Pages have their own ETags.
    const second = await octokit.request('GET /orgs/{org}/repos', { org: sim.org, per_page: 50, page: 2 });
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('changes a page ETag after a mutation, and serves the fixed data', async () => {
    const octokit = octokitFor(sim.baseUrl, sim.token);
    const disabled = await octokit.request('GET /orgs/{org}/members', {
      org: sim.org,
      filter: '2fa_disabled',
    });
    const target = disabled.data[0];
    expect(target).toBeDefined();
    sim.mutate.setTwoFactor(target?.id as number, 'enabled');
    const again = await octokit.request('GET /orgs/{org}/members', {
      org: sim.org,
      filter: '2fa_disabled',
      headers: { 'if-none-match': disabled.headers.etag },
    });
    expect(again.status).toBe(200);
    expect(again.headers.etag).not.toBe(disabled.headers.etag);
    expect(again.data.map((m) => m.id)).not.toContain(target?.id);
    expect(sim.expectedViolations().some((v) => v.assetKey === `github:identity:${target?.id}`)).toBe(false);
  });

  it('filters members by role and 2FA state for owners only', async () => {
    const owner = octokitFor(sim.baseUrl, sim.token);
    const admins = await owner.paginate('GET /orgs/{org}/members', {
      org: sim.org,
      role: 'admin',
      per_page: 100,
    });
    expect(admins.map((m) => m.id)).toEqual(
      sim.tenant.members.filter((m) => m.role === 'admin').map((m) => m.id),
    );
    const insecure = await owner.request('GET /orgs/{org}/members', { org: sim.org, filter: '2fa_insecure' });
    expect(insecure.data.map((m) => m.id)).toEqual(
      sim.tenant.members.filter((m) => m.two_factor === 'insecure').map((m) => m.id),
    );
    const member = octokitFor(sim.baseUrl, sim.memberToken);
    await expect(
      member.request('GET /orgs/{org}/members', { org: sim.org, filter: '2fa_disabled' }),
    ).rejects.toMatchObject({
      status: 422,
    });
    await expect(member.request('GET /orgs/{org}/hooks', { org: sim.org })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('sorts repositories like GitHub: created desc by default, full_name asc on request', async () => {
    const octokit = octokitFor(sim.baseUrl, sim.token);
    const byName = await octokit.paginate('GET /orgs/{org}/repos', {
      org: sim.org,
      sort: 'full_name',
      per_page: 25,
    });
    const names = byName.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(new Set(names).size).toBe(sim.tenant.repos.length);
    const byCreated = await octokit.paginate('GET /orgs/{org}/repos', { org: sim.org, per_page: 100 });
    const created = byCreated.map((r) => r.created_at as string);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('serves deploy keys per repository and 404s unknown repositories', async () => {
    const octokit = octokitFor(sim.baseUrl, sim.token);
    const [repoName, keys] = [...sim.tenant.deployKeys.entries()][0] ?? [];
    const response = await octokit.request('GET /repos/{owner}/{repo}/keys', {
      owner: sim.org,
      repo: repoName as string,
    });
    expect(response.data.map((k) => k.id)).toEqual(keys?.map((k) => k.id));
    expect(response.data[0]).toHaveProperty('read_only');
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/keys', { owner: sim.org, repo: 'no-such-repo' }),
    ).rejects.toMatchObject({ status: 404, response: { data: { message: 'Not Found' } } });
  });

  it('masks hook secrets and omits alert secrets only with hide_secret=true', async () => {
    const octokit = octokitFor(sim.baseUrl, sim.token);
    const hooks = await octokit.request('GET /orgs/{org}/hooks', { org: sim.org });
    const withSecret = hooks.data.filter((h) => 'secret' in h.config);
    expect(withSecret.length).toBeGreaterThan(0);
    expect(withSecret.every((h) => h.config.secret === '********')).toBe(true);

    const shown = await octokit.request('GET /orgs/{org}/secret-scanning/alerts', { org: sim.org });
    expect(shown.data.every((a) => typeof a.secret === 'string' && a.secret.length > 8)).toBe(true);
    const hidden = await octokit.request('GET /orgs/{org}/secret-scanning/alerts', {
      org: sim.org,
      hide_secret: true,
    });
    expect(hidden.data).toHaveLength(shown.data.length);
    expect(hidden.data.some((a) => 'secret' in a)).toBe(false);
  });
});
