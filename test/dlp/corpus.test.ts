/**
 * Per-detector precision and recall on the labeled corpus (test/fixtures/dlp). A prediction is
 * a true positive when it overlaps an occurrence of a value labeled for the same detector in the
 * same file. Fails if any detector drops below 0.95 on either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDlpScanner, detectors, findMatches } from '../../scanner/dlp/index.ts';

const dir = join(import.meta.dirname, '../fixtures/dlp');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  files: Array<{ file: string; labels: Array<{ detector: string; value: string }> }>;
};

function occurrences(text: string, value: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) at.push(i);
  return at;
}

describe('DLP corpus', () => {
  it('keeps precision and recall at or above 0.95 for every detector', () => {
    const scanner = createDlpScanner({});
    const stats = new Map(detectors.map((d) => [d.id, { tp: 0, fp: 0, fn: 0 }]));
    const misses: string[] = [];
    for (const { file, labels } of manifest.files) {
      const text = readFileSync(join(dir, 'corpus', file), 'utf8');
      const predicted = findMatches(scanner, text);
      const expected = new Map<string, { detector: string; start: number; end: number }>();
      for (const l of labels) {
        for (const s of occurrences(text, l.value))
          expected.set(`${l.detector}@${s}`, { detector: l.detector, start: s, end: s + l.value.length });
      }
      const found = new Set<string>();
      for (const m of predicted) {
        const hit = [...expected.entries()].find(
          ([, e]) => e.detector === m.detectorId && m.start < e.end && e.start < m.end,
        );
        if (hit) found.add(hit[0]);
        else {
          stats.get(m.detectorId)!.fp++;
          misses.push(
            `FP ${m.detectorId} in ${file} at ${m.start}: ${text.slice(m.start, m.end).slice(0, 40)}`,
          );
        }
      }
      for (const [key, e] of expected) {
        if (found.has(key)) stats.get(e.detector)!.tp++;
        else {
          stats.get(e.detector)!.fn++;
          misses.push(`FN ${e.detector} in ${file}: ${text.slice(e.start, e.end).slice(0, 40)}`);
        }
      }
    }
    const rows = [...stats].map(([id, s]) => ({
      detector: id,
      tp: s.tp,
      fp: s.fp,
      fn: s.fn,
      precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
      recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
    }));
    console.table(
      rows.map((r) => ({ ...r, precision: r.precision.toFixed(3), recall: r.recall.toFixed(3) })),
    );
    if (misses.length > 0) console.log(misses.join('\n'));
    for (const r of rows) {
      expect(r.tp, `${r.detector} has positives in the corpus`).toBeGreaterThan(0);
      expect(r.precision, `${r.detector} precision`).toBeGreaterThanOrEqual(0.95);
      expect(r.recall, `${r.detector} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
