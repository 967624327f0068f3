/** Shared benchmark plumbing: a throwaway database, an RSS sampler, the oracle check. */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { findings } from '../db/schema.ts';
import type { ScanDeps } from '../scanner/scan.ts';

/**
 * A fresh, migrated database: `periscope_bench_<random>` on the server of DATABASE_URL (dropped
 * on close), else in-memory PGlite.
 */
export async function openBenchDatabase(): Promise<DatabaseHandle & { label: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { ...(await openDatabase()), label: 'PGlite (in-memory, same process)' };
  const name = `periscope_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    const handle = await openDatabase({ url: target.toString() });
    return {
      ...handle,
      label: `PostgreSQL (${target.host}, database ${name}, dropped afterwards)`,
      async close() {
        await handle.close();
        await admin(`drop database if exists "${name}" with (force)`);
      },
    };
  } catch (error) {
    await admin(`drop database if exists "${name}" with (force)`);
    throw error;
  }
}

/** Samples `process.memoryUsage().rss` every `everyMs` while started; `peak` is in bytes. */
export function rssSampler(everyMs = 50) {
  let peak = 0;
  let timer: NodeJS.Timeout | undefined;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  return {
    start() {
      sample();
      timer ??= setInterval(sample, everyMs);
    },
    stop() {
      sample();
      clearInterval(timer);
      timer = undefined;
    },
    get peak() {
      return peak;
    },
  };
}

export const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Open findings of the connection vs what the simulator's oracle derives from its tenant as it is now. */
export async function compareWithOracle(
  deps: ScanDeps,
  sim: { oracle(): Promise<string[]> },
  connection: { connectionId: string },
): Promise<{ expected: number; open: number; missing: number; unexpected: number; sample: string[] }> {
  const expected = new Set(await sim.oracle());
  const rows = await deps.db
    .select({ ruleId: findings.ruleId, assetKey: findings.assetKey })
    .from(findings)
    .where(and(eq(findings.connectionId, connection.connectionId), eq(findings.status, 'open')));
  const open = new Set(rows.map((r) => `${r.ruleId} ${r.assetKey}`));
  const missing = [...expected].filter((k) => !open.has(k));
  const unexpected = [...open].filter((k) => !expected.has(k));
  return {
    expected: expected.size,
    open: open.size,
    missing: missing.length,
    unexpected: unexpected.length,
    sample: [
      ...missing.slice(0, 3).map((k) => `missing ${k}`),
      ...unexpected.slice(0, 3).map((k) => `unexpected ${k}`),
    ],
  };
}
