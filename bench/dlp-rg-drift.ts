/**
 * Guards bench/dlp-rg-patterns.ts against drifting from the engine: each detector's pattern is
 * counted with V8 (as the engine compiles it) and its rg rewrite with ripgrep over the same files.
 */
import { readFileSync } from 'node:fs';
import { builtInDetectors } from '../scanner/dlp/detectors/index.ts';
import { rgPatterns } from './dlp-rg-patterns.ts';
import { ripgrepCount } from './dlp-ripgrep.ts';

function countV8(pattern: string, texts: readonly string[]): number {
  const re = new RegExp(pattern, 'gm');
  let n = 0;
  for (const text of texts) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      n += 1;
      if (m[0].length === 0) re.lastIndex += 1;
    }
  }
  return n;
}

/** `id V8/rg` for every detector whose counts differ, or whose pattern has no rg rewrite. */
export function rgPatternDrift(files: readonly string[]): string[] {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const drift: string[] = [];
  for (const d of builtInDetectors) {
    const rg = rgPatterns[d.id];
    if (rg === undefined) {
      drift.push(`${d.id} (no rg pattern)`);
      continue;
    }
    const v8 = countV8(d.pattern, texts);
    const { matches } = ripgrepCount([rg], files);
    if (v8 !== matches) drift.push(`${d.id} V8 ${v8} / rg ${matches}`);
  }
  return drift;
}
