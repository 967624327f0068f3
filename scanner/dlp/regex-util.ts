/**
 * Helpers for writing built-in patterns. The combined prefilter cannot use the `i` flag (key
 * prefixes such as AKIA are case-sensitive) and Node 20's V8 has no inline `(?i:)` modifiers,
 * so case-insensitive keywords are spelled out as character classes.
 */
export function ci(word: string): string {
  let out = '';
  for (const ch of word) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    out += lo === up ? escapeRegex(ch) : `[${lo}${up}]`;
  }
  return out;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A case-insensitive keyword test for context windows (run on a short slice, never the whole text). */
export function keywords(...words: string[]): RegExp {
  return new RegExp(`\\b(?:${words.map(escapeRegex).join('|')})`, 'gi');
}
