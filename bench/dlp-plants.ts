/**
 * What the DLP benchmark plants in its corpus: labeled sensitive values, each with a few lines of
 * context it appears in, and hard negatives (look-alikes that are not sensitive).
 */
import * as v from './dlp-values.ts';

export type PlantKind =
  | 'card'
  | 'ssn'
  | 'iban'
  | 'email'
  | 'aws-access-key'
  | 'aws-secret-key'
  | 'github-token'
  | 'github-pat'
  | 'openai-key'
  | 'anthropic-key'
  | 'slack-token'
  | 'jwt'
  | 'private-key';

export const CREDENTIAL_KINDS: readonly PlantKind[] = [
  'aws-access-key',
  'aws-secret-key',
  'github-token',
  'github-pat',
  'openai-key',
  'anthropic-key',
  'slack-token',
  'jwt',
  'private-key',
];
export const DATA_KINDS: readonly PlantKind[] = ['card', 'ssn', 'iban', 'email'];

/** `{}` marks where the value goes. */
const CONTEXTS: Record<PlantKind, readonly string[]> = {
  card: ['Card number: {}', 'paid with card {} exp 09/27', 'cc={}', '"card_number": "{}"', '{}'],
  ssn: ['SSN: {}', 'social security number {}', 'ssn={}', '"ssn": "{}"', 'Employee SSN {} on file'],
  iban: ['IBAN: {}', 'Please transfer to IBAN {}', 'iban={}', '"iban": "{}"', 'Account {} (IBAN)'],
  email: ['Contact: {}', 'email={}', '"email": "{}"', 'From: Jane Doe <{}>', 'reply to {} today'],
  'aws-access-key': ['AWS_ACCESS_KEY_ID={}', 'aws_access_key_id = {}', '"accessKeyId": "{}"', 'key {}'],
  'aws-secret-key': ['AWS_SECRET_ACCESS_KEY={}', 'aws_secret_access_key = {}', '"secretAccessKey": "{}"'],
  'github-token': [
    'GITHUB_TOKEN={}',
    'Authorization: token {}',
    "const token = '{}';",
    'git clone https://{}@github.com/acme/app',
  ],
  'github-pat': ['GH_PAT={}', '"token": "{}"', "auth: '{}',"],
  'openai-key': ['OPENAI_API_KEY={}', 'Authorization: Bearer {}', 'openai.api_key = "{}"', '"apiKey": "{}"'],
  'anthropic-key': ['ANTHROPIC_API_KEY={}', 'x-api-key: {}', "new Anthropic({ apiKey: '{}' })"],
  'slack-token': ['SLACK_BOT_TOKEN={}', 'slack token {}', '"token": "{}"'],
  jwt: ['Authorization: Bearer {}', 'id_token={}', '"jwt": "{}"', 'Cookie: session={}'],
  'private-key': ['{}', 'key: |\n{}', '"""\n{}\n"""'],
};

const GENERATORS: Record<PlantKind, (r: v.Random) => string> = {
  card: (r) => v.cardNumber(r),
  ssn: v.ssn,
  iban: (r) => v.iban(r),
  email: v.email,
  'aws-access-key': v.awsAccessKeyId,
  'aws-secret-key': v.awsSecretAccessKey,
  'github-token': v.githubToken,
  'github-pat': v.githubFineGrainedToken,
  'openai-key': v.openAiKey,
  'anthropic-key': v.anthropicKey,
  'slack-token': v.slackToken,
  jwt: v.jwt,
  'private-key': v.privateKeyPem,
};

export interface Plant {
  kind: PlantKind;
  value: string;
  /** The line(s) to write, with the value at `offset`. */
  text: string;
  offset: number;
}

export function plant(r: v.Random, kind: PlantKind): Plant {
  const value = GENERATORS[kind](r);
  const context = r.pick(CONTEXTS[kind]);
  const offset = context.indexOf('{}');
  return { kind, value, text: context.replace('{}', () => value), offset };
}

/** Look-alikes a detector must reject: failed checksums, unissued SSNs, documented placeholders. */
const HARD_NEGATIVES: ReadonlyArray<(r: v.Random) => string> = [
  (r) => `Card number: ${v.cardNumber(r, false)}`,
  (r) => `ref ${v.cardNumber(r, false)} shipped`,
  (r) => `SSN: ${v.invalidSsn(r)}`,
  (r) => `IBAN: ${v.iban(r, false)}`,
  () => 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
  () => 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  () => 'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  () => 'GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
  () => 'SLACK_BOT_TOKEN=xoxb-your-token-here',
  (r) => `tracking number 1Z${r.chars(v.random.UPPER + v.random.DIGITS, 16)}`,
  // Mixed separators (123 45-6789): SSN-shaped, but not how an SSN is written.
  (r) => `SSN: ${v.ssn(r).replace('-', ' ')}`,
  (r) => `sha256=${r.chars('0123456789abcdef', 64)}`,
  () => '-----BEGIN PUBLIC KEY-----',
  () => '-----BEGIN CERTIFICATE-----',
];

export function hardNegative(r: v.Random): string {
  return r.pick(HARD_NEGATIVES)(r);
}

/** The engine detector a planted kind should be reported by. */
export const DETECTOR_OF: Record<PlantKind, string> = {
  card: 'payment-card',
  ssn: 'us-ssn',
  iban: 'iban',
  email: 'email',
  'aws-access-key': 'aws-access-key-id',
  'aws-secret-key': 'aws-secret-access-key',
  'github-token': 'github-token',
  'github-pat': 'github-token',
  'openai-key': 'openai-api-key',
  'anthropic-key': 'anthropic-api-key',
  'slack-token': 'slack-token',
  jwt: 'jwt',
  'private-key': 'private-key',
};
