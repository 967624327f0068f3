/**
 * Timestamps relative to the simulator's `now`, in GitHub's format (no milliseconds).
 * Stale (~200 days) and fresh (~5 days) are far from the 90-day thresholds on purpose, so a
 * rule with a slightly different threshold still agrees with the planted list.
 */
import type { Random } from '../random.ts';

const DAY_MS = 86_400_000;

export function githubTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface TenantClock {
  now: Date;
  /** `days` ago, jittered by up to a few hours so timestamps do not all coincide. */
  daysAgo(days: number): string;
  daysAhead(days: number): string;
  /** 180–220 days ago: past every "unused" threshold. */
  stale(): string;
  /** 1–10 days ago: recent activity. */
  fresh(): string;
}

export function createTenantClock(now: Date, random: Random): TenantClock {
  const at = (offsetDays: number) =>
    githubTime(new Date(now.getTime() + offsetDays * DAY_MS - random.int(0, 4 * 3600) * 1000));
  return {
    now,
    daysAgo: (days) => at(-days),
    daysAhead: (days) => at(days),
    stale: () => at(-random.int(180, 220)),
    fresh: () => at(-random.int(1, 10)),
  };
}
