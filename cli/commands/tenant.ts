import type { Command } from 'commander';
import { createTenant, listTenants } from '../../db/tenants.ts';
import { withApp } from '../context.ts';
import { print, table } from '../output.ts';

export function registerTenant(program: Command): void {
  const tenant = program.command('tenant').description('manage tenants (one per customer or business unit)');
  tenant
    .command('add <slug>')
    .option('--name <name>', 'display name')
    .description('create a tenant')
    .action((slug: string, opts: { name?: string }) =>
      withApp(async ({ database }) => {
        const row = await createTenant(database.db, slug, opts.name ?? slug);
        print(`tenant ${row.slug} created (${row.id})`);
      }),
    );
  tenant
    .command('list')
    .description('list tenants')
    .action(() =>
      withApp(async ({ database }) => {
        const rows = await listTenants(database.db);
        print(
          table(
            ['slug', 'name', 'id', 'created'],
            rows.map((t) => [t.slug, t.name, t.id, t.createdAt.toISOString()]),
          ),
        );
      }),
    );
}
