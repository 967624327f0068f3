/**
 * Built-in profiles: named detector sets with a threshold. A profile matches a file when the
 * weighted count of its detectors' matches reaches the threshold; low-confidence matches weigh a
 * third (three email addresses make a file PII, one does not).
 */
import type { DlpConfidence } from './types.ts';

export interface BuiltInProfile {
  id: string;
  name: string;
  detectors: string[];
  threshold: number;
}

export const builtInProfiles: ReadonlyArray<BuiltInProfile> = [
  {
    id: 'pii',
    name: 'Personal data',
    detectors: ['us-ssn', 'es-dni-nie', 'uk-nino', 'phone', 'email'],
    threshold: 1,
  },
  {
    id: 'phi',
    name: 'Protected health information',
    detectors: ['us-npi', 'medical-record-number', 'icd10'],
    threshold: 1,
  },
  {
    id: 'financial',
    name: 'Financial account data',
    detectors: ['payment-card', 'iban', 'swift-bic', 'us-aba-routing'],
    threshold: 1,
  },
  {
    id: 'credentials',
    name: 'Credentials and secrets',
    detectors: [
      'aws-access-key-id',
      'aws-secret-access-key',
      'github-token',
      'openai-api-key',
      'anthropic-api-key',
      'google-api-key',
      'slack-token',
      'stripe-live-key',
      'private-key',
      'jwt',
      'generic-secret',
    ],
    threshold: 1,
  },
  {
    id: 'source-code',
    name: 'Source code',
    detectors: ['source-code-marker'],
    threshold: 1,
  },
];

export function weight(confidence: DlpConfidence): number {
  return confidence === 'low' ? 1 / 3 : 1;
}
