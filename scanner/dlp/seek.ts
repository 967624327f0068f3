/**
 * Seeking a pattern whose every match starts with one of a few literals: native indexOf finds
 * the literals far faster than the regex scans for its alternation, and a sticky regex then
 * confirms the match at the literal. Equivalent to running the pattern with the `gm` flags.
 */
export function literalSeek(
  pattern: string,
  anchors: readonly string[],
): (text: string, from: number) => RegExpExecArray | null {
  const at = new RegExp(pattern, 'ym');
  // Per anchor, its first occurrence at or after `searched` (-1: none), for the last text seen:
  // seeks come in increasing order, so each anchor is searched for once per occurrence.
  let text: string | null = null;
  const searched = anchors.map(() => 0);
  const found = anchors.map(() => -1);
  const next = (i: number, from: number): number => {
    const cached = found[i]!;
    if (searched[i]! <= from && (cached === -1 || cached >= from)) return cached;
    searched[i] = from;
    found[i] = text!.indexOf(anchors[i]!, from);
    return found[i]!;
  };
  return (t, from) => {
    if (t !== text) {
      text = t;
      searched.fill(Number.MAX_SAFE_INTEGER); // forces a search for every anchor
    }
    for (;;) {
      let p = -1;
      for (let i = 0; i < anchors.length; i++) {
        const q = next(i, from);
        if (q >= 0 && (p < 0 || q < p)) p = q;
      }
      if (p < 0) {
        text = null; // this buffer is done; do not keep it alive
        return null;
      }
      at.lastIndex = p;
      const m = at.exec(t);
      if (m) return m;
      from = p + 1;
    }
  };
}
