/** Shared shapes of the DLP engine. Nothing here ever carries a matched value out of the engine. */
export type DlpConfidence = 'low' | 'medium' | 'high';

export interface DetectorContext {
  /** Case-insensitive keywords looked for near the candidate (see `window`); matches under 64 chars. */
  keywords: RegExp;
  /** When true a candidate without a keyword nearby is dropped: the pattern alone is too common. */
  required: boolean;
  /** Characters before the candidate searched for a keyword (a few after it are searched too). */
  window?: number;
}

export interface Detector {
  id: string;
  name: string;
  /**
   * Regex source for the native combined prefilter. No capturing groups (the engine wraps each
   * detector in one group to tell which alternative matched) and bounded length (≤ MAX_MATCH).
   */
  pattern: string;
  /**
   * Optional faster way to find the next candidate at or after `from`, equivalent to running
   * `pattern` (e.g. email: find '@' natively, then match around it).
   */
  seek?: (text: string, from: number) => RegExpExecArray | null;
  /**
   * Detectors naming the same group (and no `seek`) are found by one walk of the text with the
   * alternation of their patterns, instead of one walk each: worth it when they stop at the same
   * places (digit runs). Results are the same either way.
   */
  scanGroup?: string;
  /** Validates the candidate; may narrow it to the sensitive value (e.g. drop a `password=` label). */
  validate?: (candidate: string) => Validation | boolean;
  context?: DetectorContext;
  /** Confidence of a validated candidate with no keyword nearby; a keyword raises it one level. */
  confidence: DlpConfidence;
  /** How a hint is made from the value: digits/characters kept at the end, or a credential prefix. */
  mask: MaskStyle;
}

export type MaskStyle =
  | { kind: 'tail' }
  | { kind: 'email' }
  | { kind: 'prefix'; prefix: RegExp }
  | { kind: 'label'; label: (value: string) => string };

export interface Validation {
  ok: boolean;
  /** Offset and length of the sensitive value inside the candidate, when narrower than it. */
  offset?: number;
  length?: number;
  /** This candidate's form is too common to count without a keyword nearby (e.g. nine bare digits). */
  needsContext?: boolean;
  /** Overrides the detector's confidence for this candidate (e.g. checksum-bearing key formats). */
  confidence?: DlpConfidence;
}

export interface RawMatch {
  detectorId: string;
  start: number;
  end: number;
  confidence: DlpConfidence;
  /** Masked hint; computed when the match is found so the raw value is never stored. */
  hint: string | null;
}

/** Longest value any built-in pattern may match; the chunk overlap is sized from it. */
export const MAX_MATCH = 4096;
