/**
 * 429s the way the OpenAI SDK reads them: `retry-after` (seconds), `retry-after-ms` and
 * `x-should-retry`, with the `rate_limit_exceeded` error body. Forced throttles hit the next
 * N calls to a path; `requestsPerSecond` turns on a steady per-second budget for the whole org.
 */
import type { Reply } from './pagination.ts';
import { errorBody } from './wire.ts';

export interface ForcedThrottleSpec {
  /** A path (no /v1 prefix), a route template, or a RegExp on the path. */
  path: string | RegExp;
  /** Calls to answer 429; default 1. */
  times?: number;
  /** Milliseconds to advertise; null sends no retry headers (the client backs off on its own). Default 20. */
  retryAfterMs?: number | null;
}

export interface ForcedThrottle extends ForcedThrottleSpec {
  hits: number;
}

export interface OpenAIThrottle {
  force(spec: ForcedThrottleSpec): ForcedThrottle;
  /** Requests per second served before 429s; null = unlimited (default). */
  settings: { requestsPerSecond: number | null; retryAfterMs: number };
  check(path: string, template: string): Reply | null;
  reset(): void;
}

export function tooManyRequests(retryAfterMs: number | null): Reply {
  const headers: Record<string, string> = { 'x-should-retry': 'true' };
  if (retryAfterMs !== null) {
    headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    headers['retry-after-ms'] = String(retryAfterMs);
  }
  return {
    status: 429,
    headers,
    body: errorBody(
      'Rate limit reached for requests. Please try again shortly.',
      'requests',
      'rate_limit_exceeded',
    ),
  };
}

export function createOpenAIThrottle(): OpenAIThrottle {
  let forced: ForcedThrottle[] = [];
  let window = { start: 0, used: 0 };
  const settings = { requestsPerSecond: null as number | null, retryAfterMs: 50 };
  return {
    settings,
    force(spec) {
      const entry: ForcedThrottle = { retryAfterMs: 20, times: 1, ...spec, hits: 0 };
      forced.push(entry);
      return entry;
    },
    check(path, template) {
      for (const f of forced) {
        if (f.hits >= (f.times ?? 1)) continue;
        const hit = f.path instanceof RegExp ? f.path.test(path) : f.path === path || f.path === template;
        if (!hit) continue;
        f.hits += 1;
        return tooManyRequests(f.retryAfterMs ?? null);
      }
      if (settings.requestsPerSecond === null) return null;
      const now = Date.now();
      if (now - window.start >= 1000) window = { start: now, used: 0 };
      window.used += 1;
      return window.used > settings.requestsPerSecond ? tooManyRequests(settings.retryAfterMs) : null;
    },
    reset() {
      forced = [];
      settings.requestsPerSecond = null;
      window = { start: 0, used: 0 };
    },
  };
}
