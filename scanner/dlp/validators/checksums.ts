/**
 * Checksum and structure validators for identifiers. Each takes the candidate as matched
 * (separators included) and answers whether it can be a real, issued number.
 */

/** Digits only, without allocating per character. */
export function digitsOf(s: string): string {
  return s.replace(/\D+/g, '');
}

/** Luhn mod-10 over a string of digits. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * US SSN: area not 000, 666 or 900-999; group not 00; serial not 0000. Separators, when present,
 * must be the same (123-45 6789 is more likely something else). 078-05-1120 and 219-09-9999 are
 * the famous published (wallet-card and ad) numbers and never real.
 */
export function isValidSsn(candidate: string): boolean {
  let d = candidate;
  if (candidate.length === 11) {
    if (candidate[3] !== candidate[6]) return false;
    d = candidate.slice(0, 3) + candidate.slice(4, 6) + candidate.slice(7);
  }
  if (d.length !== 9) return false;
  const area = Number(d.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (d.slice(3, 5) === '00' || d.slice(5) === '0000') return false;
  return d !== '078051120' && d !== '219099999' && d !== '123456789';
}

/** ABA routing number: first two digits in the Fed ranges, weights 3-7-1 sum to a multiple of 10. */
export function isValidAbaRouting(candidate: string): boolean {
  const d = digitsOf(candidate);
  if (d.length !== 9) return false;
  const prefix = Number(d.slice(0, 2));
  const inRange =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!inRange || d === '000000000') return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * w[i % 3]!;
  return sum % 10 === 0;
}

/** US NPI: 10 digits starting 1 or 2; Luhn over the number prefixed with 80840 (ISO 7812 card issuer). */
export function isValidNpi(candidate: string): boolean {
  const d = digitsOf(candidate);
  return d.length === 10 && (d[0] === '1' || d[0] === '2') && luhn(`80840${d}`);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter): letter = number mod 23. */
export function isValidDniNie(candidate: string): boolean {
  const s = candidate.replace(/[\s-]+/g, '').toUpperCase();
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(s);
  if (!m) return false;
  const [, nie, num, letter] = m;
  if (nie ? num!.length !== 7 : num!.length !== 8) return false;
  const n = Number(`${nie ? 'XYZ'.indexOf(nie) : ''}${num}`);
  // 12345678Z is the textbook example printed everywhere; treat it as a placeholder.
  if (s === '12345678Z' || s === '00000000T') return false;
  return DNI_LETTERS[n % 23] === letter;
}

const NINO_BAD_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** UK NINO: allocatable prefix letters (the pattern enforces per-letter rules), suffix A-D. */
export function isValidNino(candidate: string): boolean {
  const s = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(s)) return false;
  // QQ123456C is HMRC's published specimen number.
  return !NINO_BAD_PREFIXES.has(s.slice(0, 2)) && s !== 'QQ123456C' && s.slice(2, 8) !== '000000';
}
