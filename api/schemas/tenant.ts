import { z } from 'zod';
import type { Tenant as TenantRow } from '../../db/tenants.ts';

export const Tenant = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'Tenant' });

export function toApiTenant(row: TenantRow): z.infer<typeof Tenant> {
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.createdAt.toISOString() };
}
