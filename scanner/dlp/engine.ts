/**
 * The built-in matching pass: native RegExps over the text, candidates validated and
 * context-checked, overlaps settled by position then registry order. A candidate that fails one
 * detector is still offered to the others sharing its pattern (nine digits: SSN, then routing). Built-in patterns are
 * ours and bounded, so V8's backtracking engine is safe here; tenant patterns go through re2js.
 */
import { maskValue } from './mask.ts';
import type { Detector, DlpConfidence, RawMatch, Validation } from './types.ts';

export interface CompiledDetectors {
  /** One regex per distinct pattern, with the detectors sharing it in registry order. */
  finders: Finder[];
  /** Finders walked together by one alternation (see `Detector.scanGroup`). */
  groups: FinderGroup[];
}

const DEFAULT_WINDOW = 100;
const AFTER_WINDOW = 32;
/** Context keywords are words or short phrases; a longer match could be cut at a window's end. */
const LONGEST_KEYWORD = 64;

interface Finder {
  pattern: string;
  seek: (text: string, from: number) => RegExpExecArray | null;
  detectors: Detector[];
  ranks: number[];
}

interface FinderGroup {
  /** `(p1)|(p2)|…`: group i+1 tells which member matched first at a position. */
  any: RegExp;
  members: Finder[];
  /** Per member: its pattern anchored at a position (`y`), to try the members after the first. */
  sticky: RegExp[];
}

export function compileDetectors(detectors: Detector[]): CompiledDetectors {
  const byPattern = new Map<string, Finder>();
  const byGroup = new Map<string, Finder[]>();
  detectors.forEach((d, rank) => {
    const f = byPattern.get(d.pattern);
    if (f) {
      f.detectors.push(d);
      f.ranks.push(rank);
      return;
    }
    const re = new RegExp(d.pattern, 'gm');
    const seek =
      d.seek ??
      ((text: string, from: number) => {
        re.lastIndex = from;
        return re.exec(text);
      });
    const finder = { pattern: d.pattern, seek, detectors: [d], ranks: [rank] };
    byPattern.set(d.pattern, finder);
    if (d.scanGroup && !d.seek) byGroup.set(d.scanGroup, [...(byGroup.get(d.scanGroup) ?? []), finder]);
  });
  const grouped = new Set<Finder>();
  const groups: FinderGroup[] = [];
  for (const members of byGroup.values()) {
    if (members.length < 2) continue;
    for (const m of members) grouped.add(m);
    groups.push(compileGroup(members));
  }
  return { finders: [...byPattern.values()].filter((f) => !grouped.has(f)), groups };
}

function compileGroup(members: Finder[]): FinderGroup {
  for (const m of members) {
    // Wrapping each pattern in one group only tells members apart if it has no groups of its own.
    if (new RegExp(`${m.pattern}|`).exec('')!.length !== 1)
      throw new Error(`scanGroup pattern has capturing groups: ${m.pattern}`);
  }
  return {
    any: new RegExp(members.map((m) => `(${m.pattern})`).join('|'), 'gm'),
    members,
    sticky: members.map((m) => new RegExp(m.pattern, 'ym')),
  };
}

/**
 * Appends to `out` every match whose candidate starts in [acceptFrom, acceptTo). Scanning starts
 * at 0 so a token that began before `acceptFrom` is consumed whole rather than matched as a suffix.
 *
 * Each distinct pattern runs as its own regex: V8 finds a single pattern's literal prefix or
 * first-character class far faster than it runs one big alternation (measured 40x). The exception
 * is a scan group (digit runs), whose members all stop at the same places: walking the text once
 * for all of them is cheaper. Overlaps between detectors are then settled as an alternation
 * would: leftmost first, then registry order.
 */
export function scanBuffer(
  c: CompiledDetectors,
  text: string,
  acceptFrom: number,
  acceptTo: number,
  offset: number,
  out: RawMatch[],
): void {
  const hits: Hit[] = [];
  const keywords = new KeywordWindows(text);
  for (const f of c.finders) {
    for (let m = f.seek(text, 0); m !== null; ) {
      const p = m.index;
      if (p >= acceptTo) break;
      const hit = offer(f, m[0], p, keywords);
      if (hit !== null) hits.push(hit);
      m = f.seek(text, hit === null ? p + 1 : hit.candidateEnd);
    }
  }
  for (const g of c.groups) scanGroup(g, text, acceptTo, keywords, hits);
  if (hits.length > 1) hits.sort((a, b) => a.candidateStart - b.candidateStart || a.rank - b.rank);
  let taken = -1;
  for (const h of hits) {
    if (h.candidateStart < taken) continue; // overlaps an earlier winner
    taken = h.candidateEnd;
    if (h.candidateStart < acceptFrom) continue;
    out.push({
      detectorId: h.detectorId,
      start: h.start + offset,
      end: h.end + offset,
      confidence: h.confidence,
      hint: h.hint,
    });
  }
}

/** The first detector sharing `f`'s pattern that accepts the candidate. */
function offer(f: Finder, candidate: string, p: number, kw: KeywordWindows): Hit | null {
  let hit: Hit | null = null;
  for (let j = 0; hit === null && j < f.detectors.length; j++) {
    hit = evaluate(f.detectors[j]!, candidate, p, kw, f.ranks[j]!);
  }
  return hit;
}

/**
 * Finds exactly the candidates each member would find on its own: a member resumes after its
 * own hit (or one past a rejected candidate), and every position where any member matches is
 * visited. At such a position the alternation names the first member that matches; the members
 * after it may match there too, so each is tried with its sticky regex.
 */
function scanGroup(g: FinderGroup, text: string, acceptTo: number, kw: KeywordWindows, hits: Hit[]): void {
  const resume = g.members.map(() => 0);
  const re = g.any;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const p = m.index;
    if (p >= acceptTo) break;
    let first = 0;
    while (m[first + 1] === undefined) first++;
    let next = Number.MAX_SAFE_INTEGER;
    for (let i = first; i < g.members.length; i++) {
      if (p >= resume[i]!) {
        const candidate = i === first ? m[first + 1]! : matchAt(g.sticky[i]!, text, p);
        if (candidate !== null) {
          const hit = offer(g.members[i]!, candidate, p, kw);
          if (hit !== null) hits.push(hit);
          resume[i] = hit === null ? p + 1 : hit.candidateEnd;
        }
      }
      next = Math.min(next, resume[i]!);
    }
    for (let i = 0; i < first; i++) next = Math.min(next, resume[i]!);
    // Positions before every member's resume point cannot yield a candidate.
    re.lastIndex = Math.max(p + 1, next);
  }
}

/** The match of a sticky regex at `p`, if any. */
function matchAt(sticky: RegExp, text: string, p: number): string | null {
  sticky.lastIndex = p;
  return sticky.exec(text)?.[0] ?? null;
}

interface Hit extends RawMatch {
  candidateStart: number;
  candidateEnd: number;
  rank: number;
}

function evaluate(d: Detector, candidate: string, p: number, kw: KeywordWindows, rank: number): Hit | null {
  // Keyword first when it is required: a lookup costs less than most validators.
  if (d.context?.required && !kw.near(d, p, p + candidate.length)) return null;
  const raw = d.validate ? d.validate(candidate) : true;
  const v: Validation = typeof raw === 'boolean' ? { ok: raw } : raw;
  if (!v.ok) return null;
  let confidence = v.confidence ?? d.confidence;
  if (d.context && !d.context.required) {
    const near = kw.near(d, p, p + candidate.length);
    if (!near && v.needsContext) return null;
    if (near) confidence = raise(confidence);
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
    candidateStart: p,
    candidateEnd: p + candidate.length,
    rank,
  };
}

/**
 * Keyword context, looked up only around candidates: most buffers have few candidates needing a
 * keyword, so indexing the whole buffer up front cost more than it saved. Per keyword regex, the
 * positions found in a covered span are kept; candidates come in position order, so consecutive
 * windows extend the span instead of re-scanning it, and dense candidates cost one pass at most.
 */
class KeywordWindows {
  private readonly spans = new Map<RegExp, { lo: number; hi: number; positions: number[] }>();
  constructor(private readonly text: string) {}

  near(d: Detector, start: number, end: number): boolean {
    const ctx = d.context!;
    const from = Math.max(0, start - (ctx.window ?? DEFAULT_WINDOW));
    const to = Math.min(this.text.length, end + AFTER_WINDOW);
    let span = this.spans.get(ctx.keywords);
    if (!span || from < span.lo || from > span.hi) {
      span = { lo: from, hi: from, positions: [] };
      this.spans.set(ctx.keywords, span);
    }
    if (to > span.hi) {
      this.collect(ctx.keywords, span.hi, to, span.positions);
      span.hi = to;
    }
    // First keyword at or after `from`; near if it begins before `to`.
    const pos = span.positions;
    let lo = 0;
    let hi = pos.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pos[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < pos.length && pos[lo]! < to;
  }

  /** Appends the starts of keyword matches beginning in [a, b). */
  private collect(re: RegExp, a: number, b: number, out: number[]): void {
    // A bounded slice keeps a miss from running to the end of the buffer. It starts one character
    // early so `\b` sees the real previous character, and runs LONGEST_KEYWORD past `b` so a
    // keyword starting before `b` is matched whole.
    const s = Math.max(0, a - 1);
    const slice = this.text.slice(s, b + LONGEST_KEYWORD);
    re.lastIndex = a - s;
    for (let m = re.exec(slice); m !== null && m.index + s < b; m = re.exec(slice)) out.push(m.index + s);
  }
}

function raise(c: DlpConfidence): DlpConfidence {
  return c === 'low' ? 'medium' : 'high';
}
