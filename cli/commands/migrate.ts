import type { Command } from 'commander';
import { withApp } from '../context.ts';
import { print } from '../output.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations (every command also does this on start)')
    .action(() =>
      withApp(async ({ database }) => {
        print(`migrations applied (${database.kind})`);
      }),
    );
}
