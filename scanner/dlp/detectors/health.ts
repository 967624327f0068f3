/** Health identifiers: US NPI, medical record numbers and ICD-10 codes. */
import { keywords } from '../regex-util.ts';
import type { Detector } from '../types.ts';
import { isValidNpi } from '../validators/checksums.ts';
import { DIGIT_RUNS } from './groups.ts';

export const npi: Detector = {
  id: 'us-npi',
  name: 'US National Provider Identifier',
  pattern: String.raw`\b[12]\d{9}\b`,
  scanGroup: DIGIT_RUNS,
  validate: isValidNpi,
  // Ten digits passing Luhn are also phone numbers and ids; require a provider keyword.
  context: {
    keywords: keywords('npi', 'provider', 'prescriber', 'physician', 'practitioner'),
    required: true,
  },
  confidence: 'medium',
  mask: { kind: 'tail' },
};

/** The label is part of the pattern (MRN formats are hospital-specific); the value is the id after it. */
const MRN_VALUE = /[A-Z]{0,3}-?\d{5,10}$/;

export const mrn: Detector = {
  id: 'medical-record-number',
  name: 'Medical record number',
  pattern: String.raw`\b(?:MRN|[Mm]edical [Rr]ecord (?:[Nn]umber|[Nn]o\.?|#))[ \t]*[:#]?[ \t]*[A-Z]{0,3}-?\d{5,10}\b`,
  validate: (c) => {
    const m = MRN_VALUE.exec(c);
    return m ? { ok: true, offset: m.index, length: m[0].length } : false;
  },
  confidence: 'high',
  mask: { kind: 'tail' },
};

export const icd10: Detector = {
  id: 'icd10',
  name: 'ICD-10 diagnosis code',
  // Letter (U is reserved), two digits/chars, optional dot and up to four more.
  pattern: String.raw`\b[A-TV-Z]\d[0-9AB](?:\.[0-9A-TV-Z]{1,4})?\b`,
  context: {
    keywords: keywords('icd', 'diagnosis', 'diagnoses', 'diagnosed', 'dx', 'comorbid'),
    required: true,
    window: 120,
  },
  confidence: 'medium',
  mask: { kind: 'label', label: () => 'ICD-10 code' },
};
