/**
 * Recall of labeled values against reported spans: a label counts as found when a reported span
 * in the same file overlaps it. Spans that overlap no label are counted too (findings on filler or
 * hard negatives, or a second report of one value).
 */
import type { Label } from './dlp-corpus.ts';

export interface Span {
  file: string;
  start: number;
  end: number;
  /** Detector or rule that reported it. */
  source: string;
}

export interface Recall {
  found: number;
  labels: number;
  byKind: Record<string, { found: number; labels: number }>;
  unlabeledSpans: number;
  unlabeledBySource: Record<string, number>;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function byFile<T extends { file: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.file);
    if (list) list.push(item);
    else map.set(item.file, [item]);
  }
  return map;
}

export function recall(labels: readonly Label[], spans: readonly Span[]): Recall {
  const spansByFile = byFile(spans);
  const labelsByFile = byFile(labels);
  const result: Recall = {
    found: 0,
    labels: labels.length,
    byKind: {},
    unlabeledSpans: 0,
    unlabeledBySource: {},
  };
  for (const label of labels) {
    result.byKind[label.kind] ??= { found: 0, labels: 0 };
    const kind = result.byKind[label.kind]!;
    kind.labels += 1;
    if ((spansByFile.get(label.file) ?? []).some((s) => overlaps(s, label))) {
      kind.found += 1;
      result.found += 1;
    }
  }
  for (const s of spans) {
    if ((labelsByFile.get(s.file) ?? []).some((l) => overlaps(s, l))) continue;
    result.unlabeledSpans += 1;
    result.unlabeledBySource[s.source] = (result.unlabeledBySource[s.source] ?? 0) + 1;
  }
  return result;
}

/** `source count` for the spans that overlap no label, most first. */
export function formatUnlabeled(r: Recall): string {
  return (
    Object.entries(r.unlabeledBySource)
      .sort(([, a], [, b]) => b - a)
      .map(([source, n]) => `${source.replace('@secretlint/secretlint-rule-', '')} ${n}`)
      .join(', ') || 'none'
  );
}
