import { eq } from 'drizzle-orm';
import { PeriscopeError } from '../scanner/errors.ts';
import type { Database } from './client.ts';
import { tenants } from './schema.ts';

export type Tenant = typeof tenants.$inferSelect;

const slugPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

export async function createTenant(db: Database, slug: string, name = slug): Promise<Tenant> {
  if (!slugPattern.test(slug)) {
    throw new PeriscopeError(
      'config_invalid',
      `tenant slug "${slug}" must be lowercase letters, digits and dashes`,
    );
  }
  const [row] = await db.insert(tenants).values({ slug, name }).onConflictDoNothing().returning();
  if (!row) throw new PeriscopeError('config_invalid', `tenant "${slug}" already exists`);
  return row;
}

export async function findTenant(db: Database, slug: string): Promise<Tenant | undefined> {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return row;
}

export async function getTenant(db: Database, slug: string): Promise<Tenant> {
  const row = await findTenant(db, slug);
  if (!row) throw new PeriscopeError('not_found', `no tenant "${slug}" (see: periscope tenant list)`);
  return row;
}

export async function getTenantById(db: Database, id: string): Promise<Tenant> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
  if (!row) throw new PeriscopeError('not_found', `no tenant with id ${id}`);
  return row;
}

export async function ensureTenant(db: Database, slug: string, name = slug): Promise<Tenant> {
  return (await findTenant(db, slug)) ?? createTenant(db, slug, name);
}

export async function listTenants(db: Database): Promise<Tenant[]> {
  return db.select().from(tenants).orderBy(tenants.slug);
}
