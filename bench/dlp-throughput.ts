/**
 * The throughput rounds of the DLP benchmark: Periscope (scanText, then scanChunks) and ripgrep
 * (each configuration) interleaved, so load from other processes on the machine hits both sides
 * alike; each side's figure is its fastest round.
 */
import type { DlpScanner } from '../scanner/dlp/index.ts';
import { type Pass, scanChunksPass, scanTextPass } from './dlp-periscope.ts';
import { rgPatterns } from './dlp-rg-patterns.ts';
import { ripgrepCount } from './dlp-ripgrep.ts';

/** ripgrep's defaults, and with its regex/DFA size limits raised (its best single-thread speed here). */
const RG_CONFIGS: Record<string, string[]> = {
  default: [],
  'size limits 1G': ['--regex-size-limit', '1G', '--dfa-size-limit', '1G'],
};

export interface RgRun {
  config: string;
  matches: number;
  ms: number;
}

export interface Throughput {
  text: Pass[];
  chunks: Pass[];
  rg: RgRun[];
}

export const fastest = <T extends { ms: number }>(runs: readonly T[]): T =>
  runs.reduce((a, b) => (b.ms < a.ms ? b : a));

export async function measureThroughput(
  scanner: DlpScanner,
  files: readonly string[],
  dir: string,
  options: { rounds: number; chunkBytes: number; ripgrep: boolean },
): Promise<Throughput> {
  // Warm-up: compile the regexes and let V8 optimise the validators on a few files.
  scanTextPass(scanner, files.slice(0, 5));
  const out: Throughput = { text: [], chunks: [], rg: [] };
  for (let round = 0; round < options.rounds; round += 1) {
    out.text.push(scanTextPass(scanner, files));
    if (options.ripgrep) {
      for (const [config, extra] of Object.entries(RG_CONFIGS)) {
        out.rg.push({ config, ...ripgrepCount(Object.values(rgPatterns), [dir], extra) });
      }
    }
    out.chunks.push(await scanChunksPass(scanner, files, options.chunkBytes));
  }
  return out;
}

/** Per configuration: MB/s of the fastest round and the candidate count. */
export function describeRg(runs: readonly RgRun[], bytes: number): string {
  const configs = [...new Set(runs.map((r) => r.config))];
  return configs
    .map((config) => {
      const mine = runs.filter((r) => r.config === config);
      const best = fastest(mine);
      const rounds = mine.map((r) => (r.ms / 1000).toFixed(2)).join(' / ');
      return `${config}: ${(bytes / 1e6 / (best.ms / 1000)).toFixed(1)} MB/s (rounds ${rounds} s), ${best.matches} candidate matches`;
    })
    .join('; ');
}
