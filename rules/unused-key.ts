/**
 * Whether an API key counts as unused: last used more than `staleDays` ago, or never used and
 * created more than `staleDays` ago. Returns the evidence saying which, or null when the key is
 * in use or too new to judge.
 */
import { daysBetween } from './define-rule.ts';

export function unusedKeyEvidence(
  key: { lastUsedAt?: string | null; createdAt?: string | null },
  staleDays: number,
  now: Date,
): Record<string, unknown> | null {
  if (key.lastUsedAt) {
    const idle = daysBetween(key.lastUsedAt, now);
    return idle > staleDays ? { lastUsedAt: key.lastUsedAt, idleDays: Math.floor(idle), staleDays } : null;
  }
  if (!key.createdAt || daysBetween(key.createdAt, now) <= staleDays) return null;
  return { lastUsedAt: null, createdAt: key.createdAt, staleDays };
}
