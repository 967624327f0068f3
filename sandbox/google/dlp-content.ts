/**
 * Sensitive file content for the planted DLP files, drawn from the seeded PRNG at generation
 * time (never literal secrets in the repository), a sensitive-looking clean control made of the
 * documented placeholders the DLP engine ignores, and `plantedContentMatches`, the oracle's
 * stand-in for the engine on exactly these shapes (a test checks it agrees with the engine).
 */
import type { Random } from '../random.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function luhnValid(digits: string): boolean {
  return luhnDigit(digits.slice(0, -1)) === digits.slice(-1);
}

/** A Luhn-valid 16-digit Visa-range number, grouped by spaces. */
export function cardNumber(random: Random): string {
  const body = `4${random.token(14, '0123456789')}`;
  const digits = body + luhnDigit(body);
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function cardContent(random: Random, csv: boolean): string {
  const card = cardNumber(random);
  return csv
    ? `cardholder,card number,expiry\nTravel desk,${card},09/29\n`
    : `Corporate travel card\n\nCard number: ${card}\nExpiry: 09/29\nUse for flights only.\n`;
}

export function awsKeyContent(random: Random): string {
  return (
    '[default]\n' +
    `aws_access_key_id = AKIA${random.token(16, BASE32)}\n` +
    `aws_secret_access_key = ${random.token(40, BASE64)}\n` +
    'region = eu-west-1\n'
  );
}

export function privateKeyContent(random: Random): string {
  const lines = Array.from({ length: 6 }, () => random.token(64, BASE64));
  return `-----BEGIN RSA PRIVATE KEY-----\n${lines.join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
}

/** Looks sensitive, is not: AWS's documentation keys and a PEM header without key material. */
export const CLEAN_CONTROL_CONTENT =
  'Onboarding: configure the CLI with the placeholders from the AWS docs\n' +
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' +
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' +
  'Then paste your key below the header:\n-----BEGIN RSA PRIVATE KEY-----\n...\n';

const CARD = /\b[2-6]\d{3}([ -]?)\d{4}\1\d{4}\1\d{4}\b/g;
const AWS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/g;
const PEM = /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----\s{1,4}[A-Za-z0-9+/=]{40}/;

/**
 * Whether content holds one of the planted secrets: a Luhn-valid card number, an AWS key id
 * that is not a documentation placeholder, or a PEM private key with key material. The oracle's
 * default DLP verdict; pass the real engine through the oracle's `dlp` option for any other content.
 */
export function plantedContentMatches(content: string): boolean {
  for (const m of content.matchAll(CARD)) {
    const digits = m[0].replace(/\D/g, '');
    if (!/^(\d)\1+$/.test(digits) && luhnValid(digits)) return true;
  }
  for (const m of content.matchAll(AWS_KEY_ID)) if (!m[0].endsWith('EXAMPLE')) return true;
  return PEM.test(content);
}
