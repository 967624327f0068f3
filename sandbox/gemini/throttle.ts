/**
 * The 429 RESOURCE_EXHAUSTED switch: per-API request budgets over a sliding window (off until a
 * limit is set; `settings` is live). Rejected calls are not counted, so a client that backs
 * off for a window gets through.
 */
import { cloudError, type GoogleReply } from './wire.ts';

export type ThrottledApi = 'apikeys' | 'generativelanguage';

export interface GeminiThrottleOptions {
  /** API Keys API calls per window. */
  apiKeysPerWindow?: number;
  /** Gemini API calls per window. */
  filesPerWindow?: number;
  /** Window length in ms. Default 60,000. */
  windowMs?: number;
}

export interface GeminiThrottle {
  readonly settings: GeminiThrottleOptions;
  /** Counts the call, or answers 429 when the API's budget is spent. */
  check(api: ThrottledApi): GoogleReply | undefined;
  reset(): void;
}

export function createGeminiThrottle(options: GeminiThrottleOptions = {}): GeminiThrottle {
  const settings: GeminiThrottleOptions = { ...options };
  let calls: Record<ThrottledApi, number[]> = { apikeys: [], generativelanguage: [] };
  return {
    settings,
    check(api) {
      const limit = api === 'apikeys' ? settings.apiKeysPerWindow : settings.filesPerWindow;
      if (limit === undefined) return undefined;
      const now = Date.now();
      const windowMs = settings.windowMs ?? 60_000;
      const recent = calls[api].filter((t) => t > now - windowMs);
      calls[api] = recent;
      if (recent.length >= limit) {
        const service = api === 'apikeys' ? 'apikeys.googleapis.com' : 'generativelanguage.googleapis.com';
        return cloudError(429, `Quota exceeded for quota metric 'Read requests' of service '${service}'.`, {
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
          metadata: { service, quota_limit_value: String(limit) },
        });
      }
      recent.push(now);
      return undefined;
    },
    reset() {
      calls = { apikeys: [], generativelanguage: [] };
    },
  };
}
