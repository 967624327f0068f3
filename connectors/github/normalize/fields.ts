/**
 * Lenient building blocks for GitHub response schemas. Objects strip fields we do not read
 * (zod's default), so cached pages stay small and fields like an alert's `secret` can never
 * reach the model; every field we read is optional or nullable because GitHub omits fields the
 * token may not see, and absent means "unknown", not false.
 */
import { z } from 'zod';

export const maybeString = z.string().nullish();
export const maybeBoolean = z.boolean().nullish();
export const maybeNumber = z.number().nullish();
export const levelMap = z.record(z.string(), z.string()).nullish();

/** ISO-8601 with offset as the model wants it, or null when missing or unparseable. */
export function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** GitHub permission levels, weakest first. */
const levels = ['read', 'write', 'admin'] as const;
export type AccessLevel = (typeof levels)[number];

/** The strongest of a set of permission levels ('maintain'/'triage' count as write). */
export function strongestLevel(values: string[]): AccessLevel | null {
  let best = -1;
  for (const value of values) {
    const level = value === 'maintain' || value === 'triage' ? 1 : levels.indexOf(value as AccessLevel);
    best = Math.max(best, level);
  }
  return best < 0 ? null : (levels[best] ?? null);
}
