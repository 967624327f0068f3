/**
 * Builds migrated database templates once per run, so each test file gets a fresh database in
 * well under a second: a PGlite data-dir dump, and (when DATABASE_URL is set) a PostgreSQL
 * template database that CREATE DATABASE … TEMPLATE copies.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../db/client.ts';
import { pgliteTemplatePath, postgresTemplateName, templateDir, testDatabasePrefix } from './paths.ts';

export default async function setup() {
  process.env.PERISCOPE_TEST_RUN = randomBytes(4).toString('hex');
  mkdirSync(templateDir, { recursive: true });
  const lite = await openDatabase({});
  const client = (lite.db as unknown as { $client: { dumpDataDir(c: string): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  writeFileSync(pgliteTemplatePath(), Buffer.from(await dump.arrayBuffer()));
  await lite.close();

  const url = process.env.DATABASE_URL;
  if (!url) return () => rmSync(pgliteTemplatePath(), { force: true });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const template = postgresTemplateName();
    await admin.query(`create database "${template}"`);
    const handle = await openDatabase({ url: withDatabase(url, template) });
    await handle.close();
  } finally {
    await admin.end();
  }
  const template = postgresTemplateName();
  return async () => {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    // Only this run's databases: another run may be using the same server right now.
    const rows = await cleanup.query(
      `select datname from pg_database where datname = $1 or starts_with(datname, $2)`,
      [template, testDatabasePrefix()],
    );
    for (const row of rows.rows) await cleanup.query(`drop database if exists "${row.datname}" with (force)`);
    await cleanup.end();
    rmSync(pgliteTemplatePath(), { force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
