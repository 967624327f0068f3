/** GitHub's rate-limit and retry rules, decided per failed call. */
import { describe, expect, it } from 'vitest';
import { decideRetry, type RequestPolicy } from '../../../connectors/github/request-policy.ts';

const policy: RequestPolicy = {
  retries: 3,
  secondaryRetries: 3,
  primaryRetries: 1,
  maxPrimaryWaitSeconds: 120,
  baseMs: 1000,
  maxConcurrent: 10,
};
const now = 1_800_000_000_000;

function httpError(
  status: number,
  headers: Record<string, string> = {},
  message = 'boom',
  withResponse = true,
) {
  return Object.assign(new Error(message), {
    name: 'HttpError',
    status,
    ...(withResponse ? { response: { status, headers, data: { message } } } : {}),
  });
}
const fresh = () => ({ retry: 0, secondary: 0, primary: 0 });

describe('decideRetry', () => {
  it('waits retry-after on a secondary limit, 60 s when absent, at most 3 times', () => {
    const attempts = fresh();
    const secondary = (h: Record<string, string>) =>
      httpError(403, h, 'You have exceeded a secondary rate limit.');
    expect(decideRetry(secondary({ 'retry-after': '7' }), attempts, policy, now)?.waitMs).toBe(7000);
    expect(decideRetry(secondary({}), attempts, policy, now)?.waitMs).toBe(60_000);
    expect(decideRetry(secondary({}), attempts, policy, now)).not.toBeNull();
    expect(decideRetry(secondary({}), attempts, policy, now)).toBeNull();
  });

  it('waits for the primary reset once, and only when it is near', () => {
    const attempts = fresh();
    const primary = (resetIn: number) =>
      httpError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + resetIn) });
    expect(decideRetry(primary(3600), fresh(), policy, now)).toBeNull();
    expect(decideRetry(primary(30), attempts, policy, now)?.waitMs).toBe(31_000);
    expect(decideRetry(primary(30), attempts, policy, now)).toBeNull();
  });

  it('backs off (n+1)² on 5xx, 429 and dropped connections, honouring retry-after', () => {
    const attempts = fresh();
    expect(decideRetry(httpError(502), attempts, policy, now)?.waitMs).toBe(1000);
    expect(decideRetry(httpError(500, {}, 'fetch failed', false), attempts, policy, now)?.waitMs).toBe(4000);
    expect(decideRetry(httpError(429, { 'retry-after': '2' }), attempts, policy, now)?.waitMs).toBe(2000);
    expect(decideRetry(httpError(503), attempts, policy, now)).toBeNull();
  });

  it('never retries what cannot change: 304, 401, permission 403, 404, 422, non-HTTP errors', () => {
    for (const status of [304, 401, 403, 404, 422])
      expect(decideRetry(httpError(status), fresh(), policy, now)).toBeNull();
    expect(decideRetry(new Error('bug'), fresh(), policy, now)).toBeNull();
  });
});
