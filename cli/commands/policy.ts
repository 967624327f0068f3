import type { Command } from 'commander';
import { getPolicy, updatePolicy } from '../../db/policy.ts';
import { getTenant } from '../../db/tenants.ts';
import { rules } from '../../rules/index.ts';
import { withApp } from '../context.ts';
import { print } from '../output.ts';
import { policyKeys, policyPatchFromPairs } from '../policy-pairs.ts';

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description("show or change a tenant's policy");
  policy
    .command('show <tenant>')
    .description('print the policy as JSON, defaults filled in')
    .action((tenantSlug: string) =>
      withApp(async ({ database }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        print(JSON.stringify(await getPolicy(database.db, tenant.id), null, 2));
      }),
    );
  policy
    .command('set <tenant> <pairs...>')
    .description(`change settings; takes effect on the next scan. Keys: ${policyKeys.join(', ')}`)
    .action((tenantSlug: string, pairs: string[]) =>
      withApp(async ({ database }) => {
        const tenant = await getTenant(database.db, tenantSlug);
        const current = await getPolicy(database.db, tenant.id);
        const patch = policyPatchFromPairs(pairs, { current, ruleIds: new Set(rules.map((r) => r.id)) });
        print(JSON.stringify(await updatePolicy(database.db, tenant.id, patch), null, 2));
      }),
    );
}
