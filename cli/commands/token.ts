import type { Command } from 'commander';
import { createApiToken, listTokens, revokeToken } from '../../api/tokens/issue.ts';
import { scopes } from '../../api/tokens/scopes.ts';
import { withApp } from '../context.ts';
import { note, print, table } from '../output.ts';

export function registerToken(program: Command): void {
  const token = program.command('token').description('REST API tokens (shown once, stored as a hash)');
  token
    .command('create')
    .description('create a token; it is printed once, alone on the last line')
    .option('--tenant <slug>', 'bind the token to one tenant (default: the whole installation)')
    .requiredOption('--scope <scope...>', `what it may do: ${scopes.join(', ')}`)
    .option('--name <name>', 'a label to recognise it by')
    .action((opts: { tenant?: string; scope: string[]; name?: string }) =>
      withApp(async ({ database }) => {
        const scopeList = opts.scope.flatMap((s) => s.split(',')).filter(Boolean);
        const created = await createApiToken(database.db, {
          tenant: opts.tenant,
          scopes: scopeList,
          name: opts.name,
        });
        note(
          `token ${created.row.id} (${created.row.name}) for ${created.tenantSlug ?? 'the whole installation'}`,
        );
        note(`scopes: ${created.row.scopes.join(', ')}`);
        note('store it now: it is not shown again');
        print(created.token);
      }),
    );
  token
    .command('list')
    .description('list tokens (never the tokens themselves)')
    .option('--tenant <slug>', 'only tokens bound to this tenant')
    .action((opts: { tenant?: string }) =>
      withApp(async ({ database }) => {
        const rows = await listTokens(database.db, opts.tenant);
        print(
          table(
            ['id', 'name', 'prefix', 'tenant', 'scopes', 'created', 'last used', 'revoked'],
            rows.map((t) => [
              t.id,
              t.name,
              t.displayPrefix,
              t.tenantSlug ?? '(installation)',
              t.scopes.join(' '),
              t.createdAt.toISOString(),
              t.lastUsedAt?.toISOString(),
              t.revokedAt?.toISOString(),
            ]),
          ),
        );
      }),
    );
  token
    .command('revoke <id>')
    .description('revoke a token: requests with it are refused from now on')
    .action((id: string) =>
      withApp(async ({ database }) => {
        const row = await revokeToken(database.db, id);
        print(`token ${row.id} revoked at ${row.revokedAt?.toISOString()}`);
      }),
    );
}
