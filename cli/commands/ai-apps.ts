import { Argument, type Command, Option } from 'commander';
import { hasAppAsset, listAiInventory } from '../../db/ai-inventory.ts';
import { updatePolicy } from '../../db/policy.ts';
import { getTenant } from '../../db/tenants.ts';
import { aiCatalog } from '../../scanner/ai-catalog/index.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { providers } from '../../scanner/model.ts';
import { type AppApprovalStatus, appApprovalStatuses } from '../../scanner/policy.ts';
import { withApp } from '../context.ts';
import { print, table } from '../output.ts';

export function registerAiApps(program: Command): void {
  program
    .command('ai-apps <tenant>')
    .description('the AI apps found in the tenant: who granted them, how broadly, and their approval status')
    .addOption(new Option('--format <format>').choices(['table', 'json']).default('table'))
    .action((tenantSlug: string, opts: { format: 'table' | 'json' }) =>
      withApp(async ({ database }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const rows = await listAiInventory(database.db, tenant.id);
        if (opts.format === 'json') return print(JSON.stringify(rows, null, 2));
        const head = [
          'app',
          'vendor',
          'category',
          'approval',
          'users',
          'tenant-wide',
          'scope risk',
          'first seen',
          'last seen',
        ];
        const cells = rows.map((r) => [
          r.aiCatalogId,
          r.vendor,
          r.category,
          r.approval,
          r.users > 0
            ? `${r.users}: ${r.sampleUsers.join(', ')}${r.users > r.sampleUsers.length ? ', …' : ''}`
            : '0',
          r.tenantWide ? 'yes' : 'no',
          r.highestScopeRisk,
          r.firstSeenAt.toISOString().slice(0, 10),
          r.lastSeenAt.toISOString().slice(0, 10),
        ]);
        print(table(head, cells));
        print(`${rows.length} AI app(s)`);
      }),
    );

  program
    .command('app')
    .description('third-party app decisions')
    .command('status')
    .description("set an app's approval status: an AI-catalog id (see ai-apps) or <provider>:<appId>")
    .argument('<tenant>')
    .argument('<app>')
    .addArgument(new Argument('<status>').choices([...appApprovalStatuses]))
    .action((tenantSlug: string, app: string, status: AppApprovalStatus) =>
      withApp(async ({ database }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        await assertKnownApp(database.db, tenant.id, tenantSlug, app);
        // unreviewed is the default: drop the key rather than store it.
        await updatePolicy(database.db, tenant.id, {
          appApprovals: { [app]: status === 'unreviewed' ? null : status },
        });
        print(`app ${app} ${status}; findings follow on the next scan`);
      }),
    );
}

async function assertKnownApp(
  db: Parameters<typeof hasAppAsset>[0],
  tenantId: string,
  tenantSlug: string,
  app: string,
): Promise<void> {
  if (aiCatalog.get(app)) return;
  const colon = app.indexOf(':');
  const provider = app.slice(0, colon);
  if (colon > 0 && (providers as readonly string[]).includes(provider)) {
    if (await hasAppAsset(db, tenantId, provider, app.slice(colon + 1))) return;
  }
  throw new PeriscopeError(
    'not_found',
    `unknown app "${app}": not an AI-catalog id, and no app or grant with that <provider>:<appId> in tenant "${tenantSlug}" (see: periscope ai-apps ${tenantSlug})`,
  );
}
