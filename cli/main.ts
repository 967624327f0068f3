/**
 * `periscope`: the command line. Every command opens the app (embedded PGlite + in-process
 * queue unless DATABASE_URL / REDIS_URL say otherwise), does one job and closes it.
 */
import { Command } from 'commander';
import { registerAiApps } from './commands/ai-apps.ts';
import { registerConnection } from './commands/connection.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExport } from './commands/export.ts';
import { registerFindings } from './commands/findings.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerPolicy } from './commands/policy.ts';
import { registerScan } from './commands/scan.ts';
import { registerSchedule } from './commands/schedule.ts';
import { registerServe } from './commands/serve.ts';
import { registerTenant } from './commands/tenant.ts';
import { registerToken } from './commands/token.ts';
import { registerWorker } from './commands/worker.ts';
import { exitWithError } from './context.ts';

const program = new Command('periscope')
  .description('SaaS and AI security posture scanner')
  .version('0.1.0')
  .showHelpAfterError();

registerDemo(program);
registerTenant(program);
registerConnection(program);
registerScan(program);
registerFindings(program);
registerSchedule(program);
registerPolicy(program);
registerAiApps(program);
registerMigrate(program);
registerWorker(program);
registerServe(program);
registerToken(program);
registerExport(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  exitWithError(error);
}
