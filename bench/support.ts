/** Shared benchmark plumbing: a throwaway database and an RSS sampler. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';

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
