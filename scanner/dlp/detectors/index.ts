/**
 * The built-in detector registry. Order matters: the prefilter is one alternation, and at a given
 * position the first alternative that matches wins (the engine retries the later ones when a
 * candidate fails validation). Specific credential formats come first, then identifiers whose
 * shape is distinctive, then the broad digit-run and word-shaped detectors.
 */
import type { Detector } from '../types.ts';
import * as cred from './credentials.ts';
import * as fin from './financial.ts';
import { genericSecret, setKnownCredentialPattern } from './generic-secret.ts';
import * as health from './health.ts';
import * as pii from './pii.ts';
import { sourceCodeMarker } from './source.ts';

const specificCredentials: Detector[] = [
  cred.privateKey,
  cred.jwt,
  cred.githubToken,
  cred.anthropicKey,
  cred.openaiKey,
  cred.googleApiKey,
  cred.slackToken,
  cred.stripeKey,
  cred.awsAccessKeyId,
  cred.awsSecretAccessKey,
];

export const builtInDetectors: ReadonlyArray<Detector> = [
  ...specificCredentials,
  genericSecret,
  sourceCodeMarker,
  health.mrn,
  fin.iban,
  pii.nino,
  pii.dniNie,
  fin.card,
  pii.ssn,
  health.npi,
  fin.abaRouting,
  pii.phone,
  health.icd10,
  fin.swiftBic,
  pii.email,
];

// A generic `token = <value>` is skipped when the value is a format another detector owns, so
// that detector reports it (with its better confidence and hint) when the scan reaches the value.
setKnownCredentialPattern(
  new RegExp(
    `^(?:${specificCredentials
      .filter((d) => d !== cred.awsSecretAccessKey && d !== cred.privateKey)
      .map((d) => d.pattern.replace(/^\\b/, ''))
      .join('|')})`,
  ),
);

export const detectorById: ReadonlyMap<string, Detector> = new Map(builtInDetectors.map((d) => [d.id, d]));
