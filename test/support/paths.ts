import { join } from 'node:path';

/**
 * One id per test run (set by global-setup before workers start, inherited by them), so runs
 * that share a PostgreSQL server or a checkout never drop each other's templates or databases.
 */
export const testRunId = () => process.env.PERISCOPE_TEST_RUN ?? 'local';

export const templateDir = join(process.cwd(), 'node_modules', '.cache', 'periscope-test');
export const pgliteTemplatePath = () => join(templateDir, `pglite-template-${testRunId()}.tar`);
export const postgresTemplateName = () => `periscope_tpl_${testRunId()}`;
/** Prefix of this run's per-file databases (LIKE pattern with `_` escaped). */
export const testDatabasePrefix = () => `periscope_t_${testRunId()}_`;
