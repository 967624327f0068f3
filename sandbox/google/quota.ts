/**
 * Optional per-minute query budgets, as Google enforces them: per impersonated user and API
 * family (Directory 2,400/min, Drive 12,000/60 s per user by default in production; Reports
 * separately), answered with 403 `usageLimits/userRateLimitExceeded` — which googleapis does
 * not retry — and an optional per-account budget answered with 429 `rateLimitExceeded`, which
 * it does. Off unless a limit is set. Sliding windows on the real clock; rejected calls are not
 * counted, so a client that backs off for a window recovers.
 */
import { type GoogleReply, googleError } from './wire.ts';

export interface GoogleQuotaOptions {
  /** Directory API (users, tokens) queries per user per window. */
  directoryPerMinute?: number;
  /** Drive API queries per user per window. */
  drivePerMinute?: number;
  /** Reports API queries per user per window. */
  reportsPerMinute?: number;
  /** Every API call of the Workspace account (all users) per window: 429 rateLimitExceeded. */
  accountPerMinute?: number;
  /** Window length in ms. Default 60,000 (tests shorten it). */
  windowMs?: number;
}

export type QuotaFamily = 'directory' | 'drive' | 'reports';

export function quotaFamily(template: string): QuotaFamily | undefined {
  if (template.startsWith('/admin/directory/')) return 'directory';
  if (template.startsWith('/drive/')) return 'drive';
  if (template.startsWith('/admin/reports/')) return 'reports';
  return undefined;
}

/** Timestamps in a window, as a queue with a moving head (no O(n) shifts at 12,000/min). */
class Window {
  private times: number[] = [];
  private head = 0;

  count(now: number, windowMs: number): number {
    while (this.head < this.times.length && (this.times[this.head] as number) <= now - windowMs)
      this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

export interface GoogleQuota {
  /** The live limits: change them at any time (delete a key to lift that limit). */
  readonly settings: GoogleQuotaOptions;
  /** Counts the call, or answers the quota error when a budget is spent. */
  check(family: QuotaFamily | undefined, subject: string): GoogleReply | undefined;
  /** Forgets every call counted so far. */
  reset(): void;
}

export function createGoogleQuota(options: GoogleQuotaOptions = {}): GoogleQuota {
  const settings: GoogleQuotaOptions = { ...options };
  let perUser = new Map<string, Window>();
  let account = new Window();
  const limitOf = (family: QuotaFamily) =>
    family === 'directory'
      ? settings.directoryPerMinute
      : family === 'drive'
        ? settings.drivePerMinute
        : settings.reportsPerMinute;

  return {
    settings,
    check(family, subject) {
      const now = Date.now();
      const windowMs = settings.windowMs ?? 60_000;
      const limit = family ? limitOf(family) : undefined;
      let user: Window | undefined;
      if (family && limit !== undefined) {
        const key = `${family}\u0000${subject}`;
        user = perUser.get(key);
        if (!user) {
          user = new Window();
          perUser.set(key, user);
        }
        if (user.count(now, windowMs) >= limit) {
          return googleError(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded');
        }
      }
      if (settings.accountPerMinute !== undefined) {
        if (account.count(now, windowMs) >= settings.accountPerMinute) {
          return googleError(429, 'rateLimitExceeded', 'Rate Limit Exceeded');
        }
        account.add(now);
      }
      user?.add(now);
      return undefined;
    },
    reset() {
      perUser = new Map();
      account = new Window();
    },
  };
}
