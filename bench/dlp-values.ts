/**
 * Seeded generators for the DLP benchmark corpus: a small PRNG and sensitive values that pass the
 * checks a real detector applies (Luhn, SSN ranges, IBAN mod 97, GitHub's CRC32 suffix), plus hard
 * negatives that look alike but must not be reported.
 */
import { crc32 } from 'node:zlib';
import { createRandom as createSeededRandom } from '../sandbox/random.ts';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
const BASE64URL = `${ALNUM}-_`;
const BASE64 = `${ALNUM}+/`;

/** The sandbox's seeded generator with the helpers corpus values need; same seed, same corpus. */
export function createRandom(seed: number) {
  const { next } = createSeededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    /** Inclusive range. */
    between: (lo: number, hi: number) => lo + int(hi - lo + 1),
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    chars(alphabet: string, n: number): string {
      let out = '';
      for (let i = 0; i < n; i += 1) out += alphabet[int(alphabet.length)];
      return out;
    },
    digits(n: number): string {
      let out = '';
      for (let i = 0; i < n; i += 1) out += DIGITS[int(10)];
      return out;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const CARD_PREFIXES = [
  { prefix: '4', length: 16 },
  { prefix: '51', length: 16 },
  { prefix: '55', length: 16 },
  { prefix: '2221', length: 16 },
  { prefix: '34', length: 15 },
  { prefix: '37', length: 15 },
  { prefix: '6011', length: 16 },
] as const;

function groupCard(digits: string, separator: string): string {
  if (separator === '') return digits;
  const groups =
    digits.length === 15
      ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)]
      : (digits.match(/.{4}/g) ?? []);
  return groups.join(separator);
}

/** A Luhn-valid card number in a common issuer range, plain or grouped by spaces or dashes. */
export function cardNumber(r: Random, valid = true): string {
  const { prefix, length } = r.pick(CARD_PREFIXES);
  const body = prefix + r.digits(length - prefix.length - 1);
  const check = luhnCheckDigit(body);
  const last = valid ? check : (check + r.between(1, 9)) % 10;
  return groupCard(`${body}${last}`, r.pick(['', ' ', '-']));
}

/** A US SSN in an issuable range (area not 000, 666 or 9xx; group and serial not zero). */
export function ssn(r: Random): string {
  let area = r.between(1, 899);
  if (area === 666) area = 667;
  const group = r.between(1, 99);
  const serial = r.between(1, 9999);
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

/** SSN-shaped but never issued: area 000, 666 or 9xx, or a zero group/serial. */
export function invalidSsn(r: Random): string {
  const area = r.pick(['000', '666', `9${r.digits(2)}`]);
  return `${area}-${r.pick(['00', r.digits(2).replace(/^0/, '1')])}-${r.digits(4)}`;
}

function ibanCheckDigits(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let remainder = 0;
  for (const ch of numeric) remainder = (remainder * 10 + Number(ch)) % 97;
  return String(98 - remainder).padStart(2, '0');
}

/** A mod-97-valid IBAN (DE, AT, GB or NL), sometimes printed in groups of four. */
export function iban(r: Random, valid = true): string {
  const country = r.pick(['DE', 'GB', 'NL', 'AT'] as const);
  const bban =
    country === 'DE'
      ? r.digits(18)
      : country === 'GB'
        ? r.chars(UPPER, 4) + r.digits(14)
        : country === 'NL'
          ? r.chars(UPPER, 4) + r.digits(10)
          : r.digits(16);
  let check = ibanCheckDigits(country, bban);
  if (!valid) check = String((Number(check) + r.between(1, 50)) % 97).padStart(2, '0');
  const compact = `${country}${check}${bban}`;
  return r.int(3) === 0 ? (compact.match(/.{1,4}/g) ?? []).join(' ') : compact;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function awsAccessKeyId(r: Random): string {
  return r.pick(['AKIA', 'ASIA']) + r.chars(BASE32, 16);
}

export function awsSecretAccessKey(r: Random): string {
  return r.chars(BASE64, 40);
}

function base62(value: number, width: number): string {
  let out = '';
  let v = value;
  while (v > 0) {
    out = ALNUM[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

/** A classic GitHub token: prefix, 30 random base62 characters and the CRC32 of those, base62. */
export function githubToken(r: Random): string {
  const prefix = r.pick(['ghp', 'gho', 'ghu', 'ghs', 'ghr']);
  const random = r.chars(ALNUM, 30);
  return `${prefix}_${random}${base62(crc32(random), 6)}`;
}

export function githubFineGrainedToken(r: Random): string {
  return `github_pat_${r.chars(ALNUM, 22)}_${r.chars(ALNUM, 59)}`;
}

export function openAiKey(r: Random): string {
  if (r.int(4) === 0) return `sk-${r.chars(ALNUM, 20)}T3BlbkFJ${r.chars(ALNUM, 20)}`;
  const kind = r.pick(['proj', 'svcacct', 'admin']);
  return `sk-${kind}-${r.chars(BASE64URL, 74)}T3BlbkFJ${r.chars(BASE64URL, 74)}`;
}

export function anthropicKey(r: Random): string {
  return `sk-ant-api03-${r.chars(BASE64URL, 93)}AA`;
}

export function slackToken(r: Random): string {
  const kind = r.pick(['xoxb', 'xoxp']);
  const tail = kind === 'xoxb' ? r.chars(ALNUM, 24) : `${r.digits(12)}-${r.chars(ALNUM.slice(0, 36), 32)}`;
  return `${kind}-${r.digits(r.between(10, 13))}-${r.digits(r.between(10, 13))}-${tail}`;
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');

export function jwt(r: Random): string {
  const header = b64url(JSON.stringify({ alg: r.pick(['HS256', 'RS256']), typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({ sub: r.digits(8), name: r.chars(LOWER, 7), iat: 1_700_000_000 + r.int(10_000_000) }),
  );
  return `${header}.${payload}.${r.chars(BASE64URL, r.pick([43, 86, 342]))}`;
}

export function privateKeyPem(r: Random): string {
  const kind = r.pick(['RSA ', 'EC ', 'OPENSSH ', '']);
  const lines: string[] = [];
  const body = `MII${r.chars(BASE64, 64 * r.between(6, 12) - 3)}`;
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN ${kind}PRIVATE KEY-----\n${lines.join('\n')}\n-----END ${kind}PRIVATE KEY-----`;
}

export function email(r: Random): string {
  return `${r.chars(LOWER, r.between(3, 9))}.${r.chars(LOWER, r.between(3, 9))}@${r.pick(['acme.io', 'globex.com', 'mail.initech.co.uk', 'gmail.com', 'umbrella-corp.de'])}`;
}

export const random = { UPPER, LOWER, DIGITS, BASE64, BASE64URL };
