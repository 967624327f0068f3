/**
 * Graph throttling: 429 with Retry-After (honoured), 429 without it (jittered backoff), inner
 * 429s inside a `$batch` (which the SDK does not retry) and the identity resource-unit budget —
 * each ridden out, with the same findings as an unthrottled scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMicrosoftViolations } from '../../../sandbox/index.ts';
import { type MicrosoftHarness, startMicrosoftHarness } from '../../support/microsoft-harness.ts';

describe('microsoft-365 under throttling', () => {
  let h: MicrosoftHarness;
  beforeAll(async () => {
    h = await startMicrosoftHarness({ config: { sweepHours: '0' } });
  });
  afterAll(() => h?.close());

  const expected = () =>
    findMicrosoftViolations(h.sim.tenant, new Date())
      .filter((v) => !v.ruleId.startsWith('common/dlp-'))
      .map((v) => `${v.ruleId} ${v.assetKey}`)
      .sort();

  it('retries outer 429s with and without Retry-After, and throttled requests inside $batch', async () => {
    const withAfter = h.sim.throttle.force({ path: '/v1.0/oauth2PermissionGrants', times: 2, retryAfter: 1 });
    const without = h.sim.throttle.force({ path: '/v1.0/users', times: 2, retryAfter: null });
    const inner = h.sim.throttle.force({ path: /\/items\/[^/]+\/permissions$/, times: 5, retryAfter: 1 });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect([withAfter.hits, without.hits, inner.hits]).toEqual([2, 2, 5]);
    expect(scan.httpStats.byStatus).toMatchObject({ 429: 4 }); // the inner ones ride inside 200 batches
    expect(await h.findingKeys()).toEqual(expected());
  });

  it('stays within the identity resource-unit budget', async () => {
    h.sim.throttle.reset();
    Object.assign(h.sim.throttle.settings, { resourceUnits: true, budget: 6, windowMs: 1000 });
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect((scan.httpStats.byStatus as Record<string, number>)['429']).toBeGreaterThan(0);
    expect(await h.findingKeys()).toEqual(expected());
  });
});
