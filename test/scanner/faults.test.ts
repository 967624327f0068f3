/**
 * Vendor faults during a scan: rate limits, secondary limits, 5xx and connection resets are
 * retried with backoff and the scan finishes with every finding; a malformed body fails only its
 * stream, with an error naming the provider, the endpoint and the status.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type GitHubHarness, plantedKeys, startGitHubHarness } from '../support/github-harness.ts';

describe('scan under vendor faults', () => {
  let h: GitHubHarness | undefined;
  afterEach(async () => h?.close());

  it('survives 429, secondary-limit 403, primary-limit 403, 5xx and resets', async () => {
    h = await startGitHubHarness({ sim: { size: { members: 250 } } });
    const faults = [
      h.sim.faults.add({ path: '/orgs/{org}/members', kind: 'rate-limit', retryAfter: 0, times: 2 }),
      h.sim.faults.add({ path: '/orgs/{org}/repos', kind: 'secondary-limit', retryAfter: 0, times: 2 }),
      h.sim.faults.add({ path: '/orgs/{org}/installations', kind: 'server-error', status: 502, times: 2 }),
      h.sim.faults.add({ path: '/orgs/{org}/hooks', kind: 'reset', times: 2 }),
      h.sim.faults.add({ path: '/orgs/{org}/outside_collaborators', kind: 'primary-limit', times: 1 }),
    ];
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    for (const fault of faults) expect(fault.hits).toBe(fault.times ?? 2);
    expect(await h.findingKeys()).toEqual(plantedKeys(h.sim.planted));
    // The retries are real HTTP calls and are counted on the scan.
    expect(scan.httpCalls).toBeGreaterThanOrEqual(h.sim.requests.total() - 1);
  });

  it('a malformed body fails only its stream and names provider, endpoint and status', async () => {
    h = await startGitHubHarness();
    h.sim.faults.add({ path: '/orgs/{org}/hooks', kind: 'malformed' });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('partial');
    const failed = Object.entries(scan.streams).filter(([, s]) => s.status === 'failed');
    expect(failed.map(([name]) => name)).toEqual(['webhooks']);
    const message = scan.streams.webhooks?.error?.message ?? '';
    expect(scan.streams.webhooks?.error?.code).toBe('malformed_response');
    expect(message).toMatch(/github/i);
    expect(message).toContain('/orgs/acme/hooks');
    expect(message).toContain('200');
    // Everything else was still found.
    const webhookRules = (id: string) => id.startsWith('github/webhook-');
    const expected = plantedKeys(h.sim.planted.filter((p) => !webhookRules(p.ruleId)));
    expect(await h.findingKeys()).toEqual(expected);
  });

  it('bad credentials fail the scan as a whole without retrying', async () => {
    h = await startGitHubHarness({ auth: 'token' });
    h.sim.faults.add({ path: /.*/, kind: 'expired-token' });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('failed');
    expect(outcome.fatal).toBe(true);
    expect(scan.error?.code).toBe('auth_failed');
    expect(await h.findingKeys('all')).toEqual([]);
  });
});
