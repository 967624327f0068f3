import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubSimulator, startGitHubSimulator } from '../../sandbox/index.ts';
import { jsonOf, octokitFor } from './support.ts';

describe('fault injection on the GitHub simulator', () => {
  let sim: GitHubSimulator;
  let members: string;
  const get = (url = members) => fetch(url, { headers: { authorization: `token ${sim.token}` } });

  beforeAll(async () => {
    sim = await startGitHubSimulator({ seed: 11 });
    members = `${sim.baseUrl}/orgs/${sim.org}/members`;
  });
  beforeEach(() => {
    sim.faults.clear();
    sim.requests.reset();
  });
  afterAll(() => sim.close());

  it('rate-limit: 429 with Retry-After', async () => {
    sim.faults.add({ path: '/orgs/{org}/members', kind: 'rate-limit', retryAfter: 7 });
    const response = await get();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('secondary-limit: 403 whose message Octokit throttling recognises, with retry-after', async () => {
    sim.faults.add({ path: '/orgs/{org}/members', kind: 'secondary-limit', retryAfter: 3 });
    const response = await get();
    expect(response.status).toBe(403);
    expect(response.headers.get('retry-after')).toBe('3');
    expect((await jsonOf<{ message: string }>(response)).message).toMatch(/\bsecondary rate\b/i);
  });

  it('primary-limit: 403 with x-ratelimit-remaining 0 and a reset a moment ahead', async () => {
    sim.faults.add({ path: '/orgs/{org}/members', kind: 'primary-limit' });
    const response = await get();
    expect(response.status).toBe(403);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    expect(reset - Date.now() / 1000).toBeGreaterThan(0);
    expect(reset - Date.now() / 1000).toBeLessThanOrEqual(3);
  });

  it('server-error: 500 by default, or the given 5xx', async () => {
    sim.faults.add({ path: '/orgs/{org}/members', kind: 'server-error', times: 1 });
    sim.faults.add({ path: '/orgs/{org}/members', kind: 'server-error', status: 503, times: 1 });
    expect((await get()).status).toBe(500);
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(200);
  });

  it('reset: the socket is destroyed and the counter records it', async () => {
    sim.faults.add({ path: '/orgs/{org}/members', kind: 'reset', times: 1 });
    await expect(get()).rejects.toThrow(TypeError);
    expect(sim.requests.byEndpoint()['GET /orgs/{org}/members']?.byStatus).toEqual({ reset: 1 });
  });

  it('malformed: 200 with a body that is not JSON', async () => {
    sim.faults.add({ path: '/orgs/{org}/members', kind: 'malformed' });
    const response = await get();
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
    // Octokit does not throw: it falls back to the raw text, so connectors must validate the shape.
    const viaOctokit = await octokitFor(sim.baseUrl, sim.token).request('GET /orgs/{org}/members', {
      org: sim.org,
    });
    expect(typeof viaOctokit.data).toBe('string');
  });

  it('expired-token: 401 Bad credentials even for a valid token', async () => {
    sim.faults.add({ path: /\/members$/, kind: 'expired-token' });
    const response = await get();
    expect(response.status).toBe(401);
    expect((await jsonOf<{ message: string }>(response)).message).toBe('Bad credentials');
  });

  it('latency: delays the call, then serves it normally', async () => {
    sim.faults.add({ path: '/orgs/{org}/members', kind: 'latency', delayMs: 150 });
    const started = performance.now();
    const response = await get();
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('matches on method and concrete path, honours times, and leaves other routes alone', async () => {
    const fault = sim.faults.add({
      method: 'GET',
      path: `/orgs/${sim.org}/members`,
      kind: 'server-error',
      times: 2,
    });
    sim.faults.add({ method: 'POST', path: '/orgs/{org}/hooks', kind: 'server-error' });
    expect((await get()).status).toBe(500);
    expect((await get(`${sim.baseUrl}/orgs/${sim.org}/hooks`)).status).toBe(200);
    expect((await get()).status).toBe(500);
    expect((await get()).status).toBe(200);
    expect(fault.hits).toBe(2);
    expect(sim.requests.byEndpoint()['GET /orgs/{org}/members']?.byStatus).toEqual({ '200': 1, '500': 2 });
  });
});
