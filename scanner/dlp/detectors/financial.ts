/** Payment cards, IBAN, SWIFT/BIC and US ABA routing numbers. */
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { keywords } from '../regex-util.ts';
import type { Detector, Validation } from '../types.ts';
import { isValidCard } from '../validators/cards.ts';
import { isValidAbaRouting } from '../validators/checksums.ts';
import { DIGIT_RUNS } from './groups.ts';

export const card: Detector = {
  id: 'payment-card',
  name: 'Payment card number',
  // 4-4-4-4, 4-6-5 (Amex), 4-6-4 (Diners) or unbroken 13-19 digits starting with an issuer digit.
  pattern: String.raw`\b[2-6]\d{3}[ -]?\d{4,6}[ -]?\d{4,5}(?:[ -]?\d{1,4})?\b`,
  scanGroup: DIGIT_RUNS,
  validate: isValidCard,
  context: {
    keywords: keywords('card', 'visa', 'mastercard', 'amex', 'credit', 'debit', 'cc', 'payment', 'pan'),
    required: false,
  },
  confidence: 'medium',
  mask: { kind: 'tail' },
};

function validateIban(c: string): Validation {
  // A spaced IBAN may have swallowed the next word's group; retry without trailing groups.
  let v = c;
  for (;;) {
    const e = electronicFormatIBAN(v);
    if (e && isValidIBAN(e)) return { ok: true, offset: 0, length: v.length };
    const cut = v.lastIndexOf(' ');
    if (cut < 0) return { ok: false };
    v = v.slice(0, cut);
  }
}

export const iban: Detector = {
  id: 'iban',
  name: 'IBAN',
  pattern: String.raw`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b`,
  validate: validateIban,
  // mod-97 leaves a 1-in-97 chance for random input; the country format check makes it far lower.
  confidence: 'high',
  mask: { kind: 'tail' },
};

export const swiftBic: Detector = {
  id: 'swift-bic',
  name: 'SWIFT/BIC code',
  pattern: String.raw`\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b`,
  validate: (c) => isValidBIC(c),
  // Eight capital letters are often just a word in caps (PASSWORD, DATABASE…).
  context: { keywords: keywords('swift', 'bic', 'bank identifier', 'bank code'), required: true },
  confidence: 'medium',
  mask: { kind: 'tail' },
};

export const abaRouting: Detector = {
  id: 'us-aba-routing',
  name: 'US ABA routing number',
  pattern: String.raw`\b\d{9}\b`,
  scanGroup: DIGIT_RUNS,
  validate: isValidAbaRouting,
  // One in ten 9-digit runs passes the checksum.
  context: { keywords: keywords('routing', 'aba', 'rtn', 'transit', 'ach'), required: true },
  confidence: 'medium',
  mask: { kind: 'tail' },
};
