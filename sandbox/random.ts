/**
 * Seeded, deterministic randomness for the simulators. The same seed must produce the same
 * tenant on every machine and Node version, so we never touch Math.random: sfc32 is small,
 * fast and has a long enough period for millions of draws.
 */

export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct indices in [0, length), in ascending order. */
  sampleIndices(length: number, count: number): number[];
  /** Random string over `alphabet` (default: lowercase hex). */
  token(length: number, alphabet?: string): string;
  /** A child generator, so adding draws to one section does not shift every later section. */
  fork(label: string): Random;
}

const HEX = '0123456789abcdef';

/** Turns a label into a 32-bit seed (FNV-1a), so forks are stable by name. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const s = seed >>> 0;
  const raw = sfc32(0x9e3779b9, 0x243f6a88 ^ s, 0xb7e15162, s);
  // Discard the first outputs: sfc32 is weakly mixed right after seeding.
  for (let i = 0; i < 15; i += 1) raw();

  const random: Random = {
    next: raw,
    int: (min, max) => min + Math.floor(raw() * (max - min + 1)),
    chance: (p) => raw() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(raw() * items.length)] as (typeof items)[number];
    },
    sampleIndices: (length, count) => {
      const wanted = Math.min(count, length);
      const chosen = new Set<number>();
      while (chosen.size < wanted) chosen.add(Math.floor(raw() * length));
      return [...chosen].sort((x, y) => x - y);
    },
    token: (length, alphabet = HEX) => {
      let out = '';
      for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(raw() * alphabet.length)];
      return out;
    },
    fork: (label) => createRandom((s ^ hashLabel(label)) >>> 0),
  };
  return random;
}

export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Strictly increasing ids with random gaps: unique without a Set, and not trivially sequential. */
export function createIdSequence(random: Random, start: number, maxGap = 97): () => number {
  let current = start;
  return () => {
    current += random.int(1, maxGap);
    return current;
  };
}
