/** How the GitHub connector fails: unavailable streams, malformed bodies, auth, retries. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { githubConnector } from '../../../connectors/github/index.ts';
import { type GitHubSimulator, startGitHubSimulator } from '../../../sandbox/github/index.ts';
import { PeriscopeError, StreamUnavailableError } from '../../../scanner/errors.ts';
import { collectAssets, githubContext } from './harness.ts';

let sim: GitHubSimulator;
let nonGhec: GitHubSimulator;
beforeAll(async () => {
  [sim, nonGhec] = await Promise.all([
    startGitHubSimulator({ seed: 3 }),
    startGitHubSimulator({ seed: 3, ghec: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([sim?.close(), nonGhec?.close()]);
});
afterEach(() => sim.faults.clear());

async function failure(promise: Promise<unknown>): Promise<PeriscopeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PeriscopeError);
  return error as PeriscopeError;
}

describe('github connector errors', () => {
  it('marks pat-grants unavailable with token auth, without calling GitHub', async () => {
    const ctx = githubContext(sim, 'owner-token');
    const error = await failure(collectAssets(ctx, 'pat-grants'));
    expect(error).toBeInstanceOf(StreamUnavailableError);
    expect((error as StreamUnavailableError).reason).toBe('requires_github_app');
    expect(ctx.http.summary().total).toBe(0);
  });

  it('marks saml-credentials unavailable when the org is not on GHEC', async () => {
    const error = await failure(collectAssets(githubContext(nonGhec, 'owner-token'), 'saml-credentials'));
    expect(error).toBeInstanceOf(StreamUnavailableError);
    expect((error as StreamUnavailableError).reason).toBe('not_ghec');
  });

  it('names provider, endpoint and status for a malformed body', async () => {
    sim.faults.add({ path: '/orgs/{org}/hooks', kind: 'malformed' });
    const error = await failure(collectAssets(githubContext(sim, 'owner-token'), 'webhooks'));
    expect(error.code).toBe('malformed_response');
    expect(error.message).toMatch(/github/);
    expect(error.message).toContain(`/orgs/${sim.org}/hooks`);
    expect(error.message).toContain('200');
  });

  it('fails verify with auth_failed on a bad token, without echoing it', async () => {
    const ctx = githubContext(sim, 'owner-token');
    const bad = githubConnector.createClient(ctx.connection, { token: 'ghp_not-a-real-token' }, ctx);
    const error = await failure(githubConnector.verify({ ...ctx, client: bad }));
    expect(error.code).toBe('auth_failed');
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('ghp_not-a-real-token');
  });

  it('maps a refused owner-only call to permission_denied', async () => {
    const error = await failure(collectAssets(githubContext(sim, 'member-token'), 'webhooks'));
    expect(error.code).toBe('permission_denied');
  });

  it('rides out a secondary rate limit and 5xx with the shortened retry waits', async () => {
    sim.faults.add({ path: '/orgs/{org}/members', kind: 'secondary-limit', times: 1, retryAfter: 2 });
    sim.faults.add({
      path: '/orgs/{org}/outside_collaborators',
      kind: 'server-error',
      status: 502,
      times: 2,
    });
    const ctx = githubContext(sim, 'owner-token');
    const started = Date.now();
    const members = await collectAssets(ctx, 'members');
    const outside = await collectAssets(ctx, 'outside-collaborators');
    expect(members.length).toBe(sim.tenant.members.length);
    expect(outside.length).toBe(sim.tenant.outsideCollaborators.length);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ctx.http.summary().byStatus).toMatchObject({ '502': 2 });
  });

  it('gives up on persistent 5xx as a retryable vendor_error', async () => {
    sim.faults.add({ path: '/orgs/{org}/hooks', kind: 'server-error', status: 503 });
    const error = await failure(collectAssets(githubContext(sim, 'owner-token'), 'webhooks'));
    expect(error.code).toBe('vendor_error');
    expect(error.retryable).toBe(true);
  });

  it('gives up on a persistent primary rate limit as rate_limited', async () => {
    sim.faults.add({ path: '/orgs/{org}/hooks', kind: 'primary-limit', retryAfter: 1 });
    const error = await failure(collectAssets(githubContext(sim, 'owner-token'), 'webhooks'));
    expect(error.code).toBe('rate_limited');
    expect(error.retryable).toBe(true);
  });
});
