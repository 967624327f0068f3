import { digitsOf, luhn } from './checksums.ts';

/** Issuer ranges (IIN prefixes) and the lengths each issuer uses. */
const BRANDS: Array<{ brand: string; test: (d: string) => boolean; lengths: number[] }> = [
  { brand: 'visa', test: (d) => d[0] === '4', lengths: [13, 16, 19] },
  {
    brand: 'mastercard',
    test: (d) => {
      const p2 = Number(d.slice(0, 2));
      const p4 = Number(d.slice(0, 4));
      return (p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720);
    },
    lengths: [16],
  },
  { brand: 'amex', test: (d) => d.startsWith('34') || d.startsWith('37'), lengths: [15] },
  {
    brand: 'discover',
    test: (d) => {
      const p3 = Number(d.slice(0, 3));
      const p6 = Number(d.slice(0, 6));
      return (
        d.startsWith('6011') ||
        d.startsWith('65') ||
        (p3 >= 644 && p3 <= 649) ||
        (p6 >= 622126 && p6 <= 622925)
      );
    },
    lengths: [16, 17, 18, 19],
  },
  {
    brand: 'jcb',
    test: (d) => {
      const p4 = Number(d.slice(0, 4));
      return p4 >= 3528 && p4 <= 3589;
    },
    lengths: [16, 17, 18, 19],
  },
  {
    brand: 'diners',
    test: (d) => {
      const p3 = Number(d.slice(0, 3));
      return (p3 >= 300 && p3 <= 305) || d.startsWith('36') || d.startsWith('38') || d.startsWith('39');
    },
    lengths: [14, 15, 16, 17, 18, 19],
  },
  // UnionPay (62…) outside the Discover co-branded range. Some UnionPay cards skip Luhn; we still
  // require it, trading those cards for far fewer false positives on long digit runs.
  { brand: 'unionpay', test: (d) => d.startsWith('62'), lengths: [16, 17, 18, 19] },
];

export function cardBrand(digits: string): string | null {
  for (const b of BRANDS) if (b.test(digits) && b.lengths.includes(digits.length)) return b.brand;
  return null;
}

/** Card number: one separator style at most, a known issuer range and length, and Luhn. */
export function isValidCard(candidate: string): boolean {
  const seps = candidate.replace(/\d+/g, '');
  if (seps.length > 0 && seps !== seps[0]!.repeat(seps.length)) return false;
  const d = digitsOf(candidate);
  if (d.length < 13 || d.length > 19) return false;
  // All-same and sequential runs pass Luhn often enough to matter and are never issued.
  if (/^(\d)\1+$/.test(d)) return false;
  return cardBrand(d) !== null && luhn(d);
}
