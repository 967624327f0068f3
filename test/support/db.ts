/**
 * A fresh, migrated database for one test file. `backend` picks PGlite or PostgreSQL; the default
 * is PostgreSQL when DATABASE_URL is set (CI), PGlite otherwise. `backends()` lists what this run
 * can exercise, so storage tests run on both where both exist.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../db/client.ts';
import { withDatabase } from './global-setup.ts';
import { pgliteTemplatePath, postgresTemplateName, testDatabasePrefix } from './paths.ts';

export type Backend = 'pglite' | 'postgres';

export function backends(): Backend[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function defaultBackend(): Backend {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

export interface TestDatabase extends DatabaseHandle {
  /** postgres:// URL of this database, when it is a server database (for a second process). */
  url?: string;
}

export async function createTestDatabase(backend: Backend = defaultBackend()): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const tar = readFileSync(pgliteTemplatePath());
    return openDatabase({ loadDataDir: new Blob([tar]), migrate: false });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('the postgres backend needs DATABASE_URL');
  const name = `${testDatabasePrefix()}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${postgresTemplateName()}"`);
  } finally {
    await admin.end();
  }
  const dbUrl = withDatabase(url, name);
  const handle = await openDatabase({ url: dbUrl, migrate: false });
  const close = handle.close;
  return {
    ...handle,
    url: dbUrl,
    close: async () => {
      await close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`).catch(() => {});
      await dropper.end();
    },
  };
}
