/**
 * Per-detector precision/recall on the labeled fixtures (test/fixtures/dlp, manifest.json), scored
 * as test/dlp/corpus.test.ts does: every occurrence of a labeled value in its file is expected from
 * that detector, and a match is a true positive when it overlaps one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { table } from '../cli/output.ts';
import { createDlpScanner, detectors, findMatches } from '../scanner/dlp/index.ts';

const DIR = join(import.meta.dirname, '../test/fixtures/dlp');

interface Manifest {
  files: Array<{ file: string; labels: Array<{ detector: string; value: string }> }>;
}

export interface LabeledResult {
  samples: number;
  table: string;
  minPrecision: number;
  minRecall: number;
  notes: string[];
}

interface Expected {
  detector: string;
  start: number;
  end: number;
}

function expectedSpans(text: string, labels: Manifest['files'][number]['labels']): Map<string, Expected> {
  const expected = new Map<string, Expected>();
  for (const { detector, value } of labels) {
    for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
      expected.set(`${detector}@${i}`, { detector, start: i, end: i + value.length });
    }
  }
  return expected;
}

export function labeledCorpus(): LabeledResult {
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Manifest;
  const scanner = createDlpScanner({});
  const stats = new Map(detectors.map((d) => [d.id, { tp: 0, fp: 0, fn: 0 }]));
  const stat = (id: string) => {
    if (!stats.has(id)) stats.set(id, { tp: 0, fp: 0, fn: 0 });
    return stats.get(id)!;
  };
  let samples = 0;
  const misses = new Map<string, number>();
  const miss = (key: string) => misses.set(key, (misses.get(key) ?? 0) + 1);
  for (const { file, labels } of manifest.files) {
    const text = readFileSync(join(DIR, 'corpus', file), 'utf8');
    const expected = expectedSpans(text, labels);
    samples += expected.size;
    const found = new Set<string>();
    for (const m of findMatches(scanner, text)) {
      const hit = [...expected].find(
        ([, e]) => e.detector === m.detectorId && m.start < e.end && e.start < m.end,
      );
      if (hit) found.add(hit[0]);
      else {
        stat(m.detectorId).fp += 1;
        miss(`FP ${m.detectorId} in ${file}`);
      }
    }
    for (const [key, e] of expected) {
      if (found.has(key)) stat(e.detector).tp += 1;
      else {
        stat(e.detector).fn += 1;
        miss(`FN ${e.detector} in ${file}`);
      }
    }
  }
  const rows = [...stats].map(([id, s]) => ({
    id,
    ...s,
    precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
    recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
  }));
  const untested = rows.filter((r) => r.tp + r.fn === 0).map((r) => r.id);
  return {
    samples,
    table: table(
      ['detector', 'TP', 'FP', 'FN', 'precision', 'recall'],
      rows.map((r) => [r.id, r.tp, r.fp, r.fn, r.precision.toFixed(3), r.recall.toFixed(3)]),
    ),
    minPrecision: Math.min(...rows.map((r) => r.precision)),
    minRecall: Math.min(...rows.map((r) => r.recall)),
    notes: [
      `labeled corpus: ${manifest.files.length} files, ${samples} labeled occurrences; errors: ${
        [...misses].map(([key, n]) => `${key} ×${n}`).join('; ') || 'none'
      }`,
      ...(untested.length > 0
        ? [`detectors with no labeled positive (precision only): ${untested.join(', ')}`]
        : []),
    ],
  };
}
