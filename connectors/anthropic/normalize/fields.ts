/** Small field parsers the Anthropic normalizers share. */
import { z } from 'zod';

/** RFC 3339 from the API → the model's ISO form; null when absent or unparseable. */
export function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export const maybeString = z.string().nullish();
