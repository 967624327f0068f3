/**
 * `npm run bench -- <name>`: runs bench/<name>.ts, prints its table and writes
 * bench/results/<name>.json with the figures, sizes and the machine they were measured on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { table } from '../cli/output.ts';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** e.g. "≤ 1.05"; checked when `check` is given. */
  target?: string;
  check?: (value: number) => boolean;
}

export interface BenchResult {
  sizes: Record<string, number>;
  figures: BenchFigure[];
  notes?: string[];
}

/** Integers as they are; small ratios keep two significant digits instead of rounding to 0. */
function formatValue(value: number): number {
  if (Number.isInteger(value)) return value;
  return Math.abs(value) < 0.01 ? Number(value.toPrecision(2)) : Number(value.toFixed(3));
}

const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  process.stderr.write('usage: npm run bench -- <name>   (github, google-workspace, microsoft-365, dlp)\n');
  process.exit(2);
}
const bench = (await import(`./${name}.ts`)) as { run(): Promise<BenchResult> };
const result = await bench.run();
const rows = result.figures.map((f) => [
  f.name,
  formatValue(f.value),
  f.unit,
  f.target ?? '',
  f.check ? (f.check(f.value) ? 'met' : 'MISSED') : '',
]);
process.stdout.write(
  `\nbenchmark ${name}: ${Object.entries(result.sizes)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}\n`,
);
process.stdout.write(`${table(['figure', 'value', 'unit', 'target', ''], rows)}\n`);
for (const line of result.notes ?? []) process.stdout.write(`note: ${line}\n`);

const machine = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  platform: process.platform,
};
const out = join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
const json = {
  name,
  measuredAt: new Date().toISOString(),
  machine,
  sizes: result.sizes,
  figures: result.figures.map(({ check, ...f }) => ({ ...f, met: check ? check(f.value) : undefined })),
  notes: result.notes ?? [],
};
writeFileSync(join(out, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
process.stdout.write(`wrote bench/results/${name}.json\n`);
process.exit(0);
