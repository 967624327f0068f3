/**
 * Delay before the next attempt after `failures` consecutive retryable failures: exponential
 * from `baseMs`, capped at `capMs`, with "equal jitter" (half fixed, half random) so many sinks
 * failing together do not retry in lockstep yet never retry at once. A destination's own
 * Retry-After is a floor.
 */
export interface BackoffPolicy {
  /** First delay (default 1 s). */
  baseMs: number;
  /** Longest delay (default 5 min). */
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 300_000 };

export function backoffDelay(
  failures: number,
  policy: BackoffPolicy = defaultBackoff,
  retryAfterMs = 0,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.max(Math.round(jittered), retryAfterMs);
}
