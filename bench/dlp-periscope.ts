/** Periscope's DLP scanner over benchmark files: throughput passes and match spans for recall. */
import { createReadStream, readFileSync } from 'node:fs';
import { type DlpScanner, findMatches } from '../scanner/dlp/index.ts';
import type { Span } from './dlp-recall.ts';

export interface Pass {
  ms: number;
  bytes: number;
  /** Matches per detector id, summed over files. */
  counts: Record<string, number>;
}

function tally(
  counts: Record<string, number>,
  detectors: ReadonlyArray<{ id: string; count: number }>,
): void {
  for (const d of detectors) counts[d.id] = (counts[d.id] ?? 0) + d.count;
}

/** `scanText` per file; reading and UTF-8 decoding are inside the timed loop, as rg's reads are. */
export function scanTextPass(scanner: DlpScanner, files: readonly string[]): Pass {
  const pass: Pass = { ms: 0, bytes: 0, counts: {} };
  const started = performance.now();
  for (const file of files) {
    const result = scanner.scanText(readFileSync(file, 'utf8'));
    pass.bytes += result.bytesScanned;
    tally(pass.counts, result.detectors);
  }
  pass.ms = performance.now() - started;
  return pass;
}

/** `scanChunks` over a UTF-8 read stream per file (the connectors' path), `chunkBytes` per chunk. */
export async function scanChunksPass(
  scanner: DlpScanner,
  files: readonly string[],
  chunkBytes: number,
): Promise<Pass> {
  const pass: Pass = { ms: 0, bytes: 0, counts: {} };
  const started = performance.now();
  for (const file of files) {
    const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: chunkBytes });
    const result = await scanner.scanChunks(stream, { maxBytes: Number.MAX_SAFE_INTEGER });
    pass.bytes += result.bytesScanned;
    tally(pass.counts, result.detectors);
  }
  pass.ms = performance.now() - started;
  return pass;
}

export function periscopeSpans(scanner: DlpScanner, files: readonly string[]): { spans: Span[]; ms: number } {
  const spans: Span[] = [];
  const started = performance.now();
  for (const file of files) {
    for (const m of findMatches(scanner, readFileSync(file, 'utf8')))
      spans.push({ file, start: m.start, end: m.end, source: m.detectorId });
  }
  return { spans, ms: performance.now() - started };
}
