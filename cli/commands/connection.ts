import type { Command } from 'commander';
import { createConnection, listConnections } from '../../db/connections.ts';
import { latestScan } from '../../db/scans.ts';
import { getTenant } from '../../db/tenants.ts';
import { verifyConnection } from '../../scanner/verify-connection.ts';
import { withApp } from '../context.ts';
import { print, table } from '../output.ts';
import { collect, parsePairs } from '../parse-pairs.ts';

interface AddOptions {
  baseUrl?: string;
  name?: string;
  config: string[];
  secret: string[];
}

export function registerConnection(program: Command): void {
  const connection = program.command('connection').description('connect vendor tenants');
  connection
    .command('add <tenant> <provider>')
    .description('verify credentials with one cheap call, store them encrypted, print the connection id')
    .option('--base-url <url>', "the vendor SDK's base URL (GitHub Enterprise Server: https://HOST/api/v3)")
    .option('--name <name>', 'connection name (default: the provider)')
    .option('--config <key=value>', 'non-secret setting, repeatable', collect, [])
    .option('--secret <key=value|key=@file>', 'secret, repeatable; @file reads it from a file', collect, [])
    .action((tenantSlug: string, provider: string, opts: AddOptions) =>
      withApp(async ({ database, box, connectors, logger }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const verified = await verifyConnection(
          connectors,
          {
            tenantId: tenant.id,
            provider,
            baseUrl: opts.baseUrl ?? null,
            config: parsePairs(opts.config, '--config', false),
            secrets: parsePairs(opts.secret, '--secret', true),
          },
          logger,
        );
        const row = await createConnection(database.db, box, {
          tenantId: tenant.id,
          provider: verified.provider,
          ...(opts.name ? { name: opts.name } : {}),
          baseUrl: opts.baseUrl ?? null,
          config: verified.config,
          credentials: verified.credentials,
        });
        print(row.id);
      }),
    );
  connection
    .command('list <tenant>')
    .description('list connections with their last scan')
    .action((tenantSlug: string) =>
      withApp(async ({ database }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const rows = [];
        for (const c of await listConnections(database.db, tenant.id)) {
          const last = await latestScan(database.db, tenant.id, c.id);
          rows.push([
            c.id,
            c.name,
            c.provider,
            c.baseUrl ?? '(default)',
            last ? `${last.status} ${last.createdAt.toISOString()}` : 'never',
          ]);
        }
        print(table(['id', 'name', 'provider', 'base url', 'last scan'], rows));
      }),
    );
}
