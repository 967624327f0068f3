/** Request pieces every route shares: the tenant in the path, ids, lists, dates, pages. */
import { z } from 'zod';

/** A tenant slug, or its id. */
export const TenantRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a tenant slug (lowercase letters, digits, dashes) or id')
  .describe('tenant slug or id');

export const TenantParams = z.strictObject({ tenant: TenantRef });

export const Id = z.uuid();

/** `a,b,c` in a query string, each checked against `item`. */
export function commaList<T extends z.ZodType<string, string>>(item: T) {
  return z
    .string()
    .max(2000)
    .transform((value) =>
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(100));
}

/** An ISO date (2026-01-31) or date-time with offset. */
export const Instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((value) => new Date(value))
  .describe('ISO-8601 date or date-time');

export const Limit = z.coerce.number().int().min(1).max(500).default(50).describe('page size (1-500)');

/** Opaque position after the last item of a page; `nextCursor` of one page fetches the next. */
export function cursorOf<T extends z.ZodType>(shape: T) {
  return z
    .string()
    .max(500)
    .transform((value, ctx) => {
      try {
        const decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
        const parsed = shape.safeParse(decoded);
        if (parsed.success) return parsed.data as z.output<T>;
      } catch {}
      ctx.addIssue({ code: 'custom', message: 'not a cursor from this listing (use nextCursor as given)' });
      return z.NEVER;
    })
    .describe('nextCursor of the previous page');
}

export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const isoOrNull = (date: Date | null | undefined) => date?.toISOString() ?? null;
