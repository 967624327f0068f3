/**
 * The built-in matching pass: one native RegExp alternation of every active detector, run once
 * over the text. Candidates are validated and context-checked; a candidate that fails is retried
 * against the later alternatives at the same position (sticky regexes), so an invalid card number
 * does not hide a valid routing number that the alternation never tried. Built-in patterns are
 * ours and bounded, so V8's backtracking engine is safe here; tenant patterns go through re2js.
 */
import { maskValue } from './mask.ts';
import type { Detector, DlpConfidence, RawMatch, Validation } from './types.ts';

export interface CompiledDetectors {
  detectors: Detector[];
  combined: RegExp;
  sticky: RegExp[];
}

const DEFAULT_WINDOW = 100;
const AFTER_WINDOW = 32;

export function compileDetectors(detectors: Detector[]): CompiledDetectors {
  for (const d of detectors) {
    // Group k of the combined regex must be detector k-1: no capturing groups inside a pattern.
    const groups = new RegExp(`${d.pattern}|`).exec('')!.length - 1;
    if (groups !== 0) throw new Error(`DLP detector ${d.id}: pattern must not capture (${groups} groups)`);
  }
  // Never an empty alternation: `(?!)` matches nothing, so no active detector means no matches.
  const source = detectors.length > 0 ? detectors.map((d) => `(${d.pattern})`).join('|') : '(?!)';
  return {
    detectors,
    combined: new RegExp(source, 'gm'),
    sticky: detectors.map((d) => new RegExp(d.pattern, 'ym')),
  };
}

/**
 * Appends to `out` every match whose candidate starts in [acceptFrom, acceptTo). Scanning starts
 * at 0 so a token that began before `acceptFrom` is consumed whole rather than matched as a suffix.
 */
export function scanBuffer(
  c: CompiledDetectors,
  text: string,
  acceptFrom: number,
  acceptTo: number,
  offset: number,
  out: RawMatch[],
): void {
  const re = c.combined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const p = m.index;
    if (p >= acceptTo) break;
    let k = 1;
    while (m[k] === undefined) k++;
    let hit = evaluate(c.detectors[k - 1]!, m[0], p, text);
    for (let j = k; hit === null && j < c.detectors.length; j++) {
      const st = c.sticky[j]!;
      st.lastIndex = p;
      const sm = st.exec(text);
      if (sm) hit = evaluate(c.detectors[j]!, sm[0], p, text);
    }
    if (hit === null) {
      re.lastIndex = p + 1;
      continue;
    }
    re.lastIndex = hit.candidateEnd;
    if (p >= acceptFrom) {
      out.push({
        detectorId: hit.detectorId,
        start: hit.start + offset,
        end: hit.end + offset,
        confidence: hit.confidence,
        hint: hit.hint,
      });
    }
  }
}

interface Hit extends RawMatch {
  candidateEnd: number;
}

function evaluate(d: Detector, candidate: string, p: number, text: string): Hit | null {
  const raw = d.validate ? d.validate(candidate) : true;
  const v: Validation = typeof raw === 'boolean' ? { ok: raw } : raw;
  if (!v.ok) return null;
  let confidence = v.confidence ?? d.confidence;
  if (d.context) {
    const w = d.context.window ?? DEFAULT_WINDOW;
    const end = p + candidate.length;
    const kw = d.context.keywords;
    const near =
      kw.test(text.slice(Math.max(0, p - w), p)) ||
      kw.test(text.slice(end, Math.min(text.length, end + AFTER_WINDOW)));
    if (!near && (d.context.required || v.needsContext)) return null;
    if (near && !d.context.required) confidence = raise(confidence);
  }
  const offset = v.offset ?? 0;
  const length = v.length ?? candidate.length - offset;
  const value =
    offset === 0 && length === candidate.length ? candidate : candidate.slice(offset, offset + length);
  return {
    detectorId: d.id,
    start: p + offset,
    end: p + offset + length,
    confidence,
    hint: maskValue(value, d.mask),
    candidateEnd: p + candidate.length,
  };
}

function raise(c: DlpConfidence): DlpConfidence {
  return c === 'low' ? 'medium' : 'high';
}
