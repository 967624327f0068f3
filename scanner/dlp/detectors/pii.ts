/** Personal identifiers: US SSN, email, phone, Spanish DNI/NIE, UK NINO. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { keywords } from '../regex-util.ts';
import type { Detector } from '../types.ts';
import { isValidDniNie, isValidNino, isValidSsn } from '../validators/checksums.ts';
import { DIGIT_RUNS } from './groups.ts';

export const ssn: Detector = {
  id: 'us-ssn',
  name: 'US Social Security number',
  // Dashed/spaced form, or nine bare digits (which also look like routing numbers, order ids…:
  // those only count with an SSN keyword nearby).
  pattern: String.raw`\b\d{3}[- ]\d{2}[- ]\d{4}\b|\b\d{9}\b`,
  scanGroup: DIGIT_RUNS,
  validate: (c) => (isValidSsn(c) ? { ok: true, needsContext: c.length === 9 } : false),
  context: { keywords: keywords('ssn', 'social security', 'social sec', 'taxpayer', 'tin'), required: false },
  confidence: 'medium',
  mask: { kind: 'tail' },
};

/** Documentation and test domains (RFC 2606/6761) are placeholders, not people. */
const RESERVED_EMAIL =
  /@(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|invalid|localhost))$/i;
/** `logo@2x.png` style asset names look like emails. */
const FILE_TLD = /\.(?:png|jpe?g|gif|svg|webp|js|css|ts|json|html?)$/i;

const EMAIL_PATTERN = String.raw`\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?){0,8}\.[A-Za-z]{2,24}\b`;
const EMAIL_AT = new RegExp(EMAIL_PATTERN, 'y');

/**
 * Same matches as EMAIL_PATTERN, found from each '@' (a native indexOf) instead of trying the
 * pattern at every word start: measured 8x faster on prose.
 */
function seekEmail(text: string, from: number): RegExpExecArray | null {
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > from && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (s < at && !isAlnum(text.charCodeAt(s))) s++;
    if (s === at) continue;
    EMAIL_AT.lastIndex = s;
    const m = EMAIL_AT.exec(text);
    if (m) return m;
  }
  return null;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -
}

export const email: Detector = {
  id: 'email',
  name: 'Email address',
  pattern: EMAIL_PATTERN,
  seek: seekEmail,
  validate: (c) => !RESERVED_EMAIL.test(c) && !FILE_TLD.test(c),
  // One work address is not sensitive; the pii profile weighs low matches at a third.
  confidence: 'low',
  mask: { kind: 'email' },
};

export const phone: Detector = {
  id: 'phone',
  name: 'Phone number',
  pattern: String.raw`(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)|\b\d{2,4})[ .-]?\d{3,4}[ .-]?\d{3,4}\b`,
  scanGroup: DIGIT_RUNS,
  validate: (c) => {
    const p = parsePhoneNumberFromString(c, c.startsWith('+') ? undefined : 'US');
    return p?.isValid() === true;
  },
  // Digit groups are everywhere (ids, amounts); only a phone keyword makes them phone numbers.
  context: {
    keywords: keywords(
      'phone',
      'tel',
      'mobile',
      'cell',
      'call',
      'fax',
      'contact',
      'whatsapp',
      'sms',
      'móvil',
    ),
    required: true,
  },
  confidence: 'medium',
  mask: { kind: 'tail' },
};

export const dniNie: Detector = {
  id: 'es-dni-nie',
  name: 'Spanish DNI/NIE',
  pattern: String.raw`\b[XYZ]?\d{7,8}-?[A-Z]\b`,
  scanGroup: DIGIT_RUNS,
  validate: isValidDniNie,
  context: { keywords: keywords('dni', 'nie', 'nif', 'documento', 'identidad'), required: false },
  confidence: 'medium',
  mask: { kind: 'tail' },
};

export const nino: Detector = {
  id: 'uk-nino',
  name: 'UK National Insurance number',
  pattern: String.raw`\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b`,
  validate: isValidNino,
  context: { keywords: keywords('nino', 'national insurance', 'ni number', 'ni no'), required: false },
  confidence: 'medium',
  mask: { kind: 'tail' },
};
