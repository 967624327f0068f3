/**
 * The primary rate limit: one hourly budget per identity (a PAT's user, an installation),
 * as GitHub does. 304s and `/rate_limit` are free; everything else spends one unit. When the
 * budget is gone the simulator answers 403 with `x-ratelimit-remaining: 0`.
 */

export interface RateLimitState {
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

export interface RateLimiter {
  /** Current state for `identity` (a fresh window when the last one has passed). */
  peek(identity: string): RateLimitState;
  spend(identity: string): RateLimitState;
  /** Headers GitHub sends on every response. */
  headers(state: RateLimitState): Record<string, string>;
}

const WINDOW_SECONDS = 3600;

export function createRateLimiter(limit: number): RateLimiter {
  const windows = new Map<string, RateLimitState>();
  const current = (identity: string): RateLimitState => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    let state = windows.get(identity);
    if (!state || state.reset <= nowSeconds) {
      state = { limit, remaining: limit, used: 0, reset: nowSeconds + WINDOW_SECONDS };
      windows.set(identity, state);
    }
    return state;
  };
  return {
    peek: (identity) => ({ ...current(identity) }),
    spend(identity) {
      const state = current(identity);
      if (state.remaining > 0) {
        state.remaining -= 1;
        state.used += 1;
      }
      return { ...state };
    },
    headers: (state) => ({
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-used': String(state.used),
      'x-ratelimit-reset': String(state.reset),
      'x-ratelimit-resource': 'core',
    }),
  };
}
