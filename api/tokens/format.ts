/**
 * The API token format: `psc_` + 30 random base62 characters + a 6-character base62 CRC32 of
 * them. The prefix lets secret scanners (and people) recognise a leaked Periscope token, and the
 * checksum lets them, and us, reject a mistyped or made-up one without a database lookup.
 */
import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

export const tokenPrefix = 'psc_';
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const randomLength = 30; // 30 × log2(62) ≈ 178 bits
const checksumLength = 6;
const tokenPattern = new RegExp(`^${tokenPrefix}[0-9A-Za-z]{${randomLength + checksumLength}}$`);

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: bytes above it would bias the first characters, so they are skipped.
      if (byte < 248 && out.length < length) out += alphabet[byte % 62];
    }
  }
  return out;
}

function checksumOf(body: string): string {
  let value = crc32(body);
  let out = '';
  for (let i = 0; i < checksumLength; i++) {
    out = alphabet[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/** A new token, its hash (what is stored) and its display prefix. */
export function generateToken(): { token: string; hash: string; displayPrefix: string } {
  const body = randomBase62(randomLength);
  const token = `${tokenPrefix}${body}${checksumOf(body)}`;
  return { token, hash: hashToken(token), displayPrefix: displayPrefixOf(token) };
}

/** True when the string has the token's shape and a matching checksum. */
export function isWellFormedToken(candidate: string): boolean {
  if (!tokenPattern.test(candidate)) return false;
  const body = candidate.slice(tokenPrefix.length, tokenPrefix.length + randomLength);
  return candidate.slice(tokenPrefix.length + randomLength) === checksumOf(body);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function displayPrefixOf(token: string): string {
  return `${token.slice(0, tokenPrefix.length + 6)}…`;
}
