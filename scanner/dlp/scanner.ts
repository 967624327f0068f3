/**
 * The scanner: active detectors and custom profiles compiled once, then run over a whole string
 * or a stream of chunks. Chunks are batched and scanned with an overlap so a value split across
 * two chunks is still found, and found once: each pass accepts only candidates starting in its
 * own window [frontier, end - MAX_MATCH); the rest is carried into the next pass.
 */
import {
  type CompiledCustomProfile,
  type CustomProfile,
  compileCustomProfile,
  scanCustom,
} from './custom.ts';
import { builtInDetectors, detectorById } from './detectors/index.ts';
import { compileDetectors, scanBuffer } from './engine.ts';
import { builtInProfiles, weight } from './profiles.ts';
import { type DlpConfidence, MAX_MATCH, type RawMatch } from './types.ts';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** New characters gathered before a pass: large enough that the carried overlap costs little. */
const BATCH_CHARS = 256 * 1024;

export interface DetectorSummary {
  id: string;
  count: number;
  confidence: DlpConfidence;
  hint: string | null;
}

export interface DlpResult {
  status: 'clean' | 'matched' | 'unsupported';
  profiles: string[];
  detectors: DetectorSummary[];
  bytesScanned: number;
  truncated: boolean;
}

export interface DlpScanner {
  scanText(text: string): DlpResult;
  scanChunks(chunks: AsyncIterable<string>, options?: { maxBytes?: number }): Promise<DlpResult>;
}

export interface DlpScannerOptions {
  /** Built-in profile ids to run; default all. */
  profiles?: string[];
  customProfiles?: CustomProfile[];
}

interface Internals {
  /** Runs the passes over `text` (one window) and returns raw matches, for findMatches. */
  collect(text: string): RawMatch[];
}

const internals = new WeakMap<DlpScanner, Internals>();

export function createDlpScanner(options: DlpScannerOptions = {}): DlpScanner {
  const profileIds = options.profiles ?? builtInProfiles.map((p) => p.id);
  const profiles = profileIds.map((id) => {
    const p = builtInProfiles.find((b) => b.id === id);
    if (!p) throw new Error(`Unknown DLP profile "${id}"`);
    return p;
  });
  const active = new Set(profiles.flatMap((p) => p.detectors));
  // Keep the registry's order: it decides which detector wins a shared position.
  const compiled = compileDetectors(builtInDetectors.filter((d) => active.has(d.id)));
  const custom = (options.customProfiles ?? []).map(compileCustomProfile);

  const runPass = (text: string, from: number, to: number, offset: number, out: RawMatch[]) => {
    scanBuffer(compiled, text, from, to, offset, out);
    for (const c of custom) scanCustom(c, text, from, to, offset, out);
  };

  const summarize = (tally: Tally, bytesScanned: number, truncated: boolean): DlpResult => {
    const matched: string[] = [];
    for (const p of profiles) {
      let score = 0;
      for (const id of p.detectors) score += tally.get(id)?.score ?? 0;
      if (score >= p.threshold) matched.push(p.id);
    }
    for (const c of custom) if (customMatched(c, tally)) matched.push(c.profile.id);
    const detectors = [...tally.entries()]
      .map(([id, t]) => ({ id, count: t.count, confidence: t.confidence, hint: t.hint }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
    return {
      status: matched.length > 0 ? 'matched' : 'clean',
      profiles: matched,
      detectors,
      bytesScanned,
      truncated,
    };
  };

  const scanner: DlpScanner = {
    scanText(text) {
      const out: RawMatch[] = [];
      runPass(text, 0, text.length, 0, out);
      const tally: Tally = new Map();
      addAll(tally, out);
      return summarize(tally, Buffer.byteLength(text, 'utf8'), false);
    },
    async scanChunks(chunks, opts = {}) {
      const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
      const tally: Tally = new Map();
      const out: RawMatch[] = [];
      let pending = '';
      let base = 0; // absolute offset of pending[0]
      let frontier = 0; // absolute offset from which candidates are still unaccepted
      let bytes = 0;
      let truncated = false;
      const pass = (final: boolean) => {
        const to = final ? pending.length : pending.length - MAX_MATCH;
        runPass(pending, frontier - base, to, base, out);
        addAll(tally, out);
        out.length = 0;
        frontier = base + to;
        // Keep the overlap (re-scanned) plus a margin before it so the next pass starts on whole tokens.
        const cut = Math.max(0, pending.length - 2 * MAX_MATCH);
        pending = pending.slice(cut);
        base += cut;
      };
      for await (let chunk of chunks) {
        const size = Buffer.byteLength(chunk, 'utf8');
        if (bytes + size > maxBytes) {
          chunk = truncateUtf8(chunk, maxBytes - bytes);
          bytes = maxBytes;
          truncated = true;
        } else bytes += size;
        pending += chunk;
        if (pending.length - (frontier - base) >= BATCH_CHARS + MAX_MATCH) pass(false);
        if (truncated) break;
      }
      pass(true);
      return summarize(tally, bytes, truncated);
    },
  };
  internals.set(scanner, {
    collect(text) {
      const out: RawMatch[] = [];
      runPass(text, 0, text.length, 0, out);
      return out.sort((a, b) => a.start - b.start);
    },
  });
  return scanner;
}

export function findMatches(
  scanner: DlpScanner,
  text: string,
): Array<{ detectorId: string; start: number; end: number; confidence: DlpConfidence }> {
  const inner = internals.get(scanner);
  if (!inner) throw new Error('findMatches: not a scanner made by createDlpScanner');
  return inner
    .collect(text)
    .map(({ detectorId, start, end, confidence }) => ({ detectorId, start, end, confidence }));
}

type Tally = Map<string, { count: number; score: number; confidence: DlpConfidence; hint: string | null }>;

const RANK: Record<DlpConfidence, number> = { low: 0, medium: 1, high: 2 };

function addAll(tally: Tally, matches: RawMatch[]): void {
  for (const m of matches) {
    const t = tally.get(m.detectorId);
    if (!t) {
      tally.set(m.detectorId, {
        count: 1,
        score: weight(m.confidence),
        confidence: m.confidence,
        hint: m.hint,
      });
      continue;
    }
    t.count++;
    t.score += weight(m.confidence);
    // The hint follows the most confident match, so a reviewer sees the one that mattered.
    if (RANK[m.confidence] > RANK[t.confidence]) {
      t.confidence = m.confidence;
      t.hint = m.hint;
    }
  }
}

function customMatched(c: CompiledCustomProfile, tally: Tally): boolean {
  const hits = tally.get(c.detectorId)?.count ?? 0;
  const words = tally.get(c.keywordDetectorId)?.count ?? 0;
  // Patterns decide; keywords, when given, must also appear. Keyword-only profiles count keywords.
  if (c.patterns.length === 0) return words >= c.profile.threshold;
  return hits >= c.profile.threshold && (c.keywords === null || words > 0);
}

/** Longest prefix of `s` within `maxBytes` UTF-8 bytes, never splitting a character. */
function truncateUtf8(s: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  const buf = Buffer.from(s, 'utf8').subarray(0, maxBytes);
  return new TextDecoder().decode(buf).replace(/\uFFFD$/, '');
}

export { detectorById };
