/**
 * Innocuous filler lines for the DLP benchmark corpus, one generator per file flavour. They carry the
 * digits, identifiers and hashes real files do (timestamps, ids, SHAs, UUIDs, amounts, IPs), so
 * candidate patterns fire on them and have to be rejected.
 */
import { type Random, random } from './dlp-values.ts';

export type Flavour = 'prose' | 'csv' | 'json' | 'log' | 'source';

const WORDS = (
  'the of and to in is that for it as was with be by on not he this are or his from at which but have ' +
  'an they you were her she there one all we their been has when who will more if no out so said what ' +
  'up its about into than them can only other new some could time these two may then do first any my ' +
  'now such like our over man me even most made after also did many before must through back years where ' +
  'much your way well down should because each just those people how too little state good very make ' +
  'world still own see men work long get here between both life being under never day same another know ' +
  'while last might us great old year off come since against go came right used take three account ' +
  'invoice customer renewal contract quarterly revenue pipeline deployment release migration incident ' +
  'review approval budget forecast vendor onboarding offboarding policy access report meeting café Müller ' +
  'naïve résumé déjà señor Zürich'
).split(' ');

const HEX = '0123456789abcdef';
const PATHS = ['/api/v1/users', '/api/v1/orders', '/healthz', '/api/v2/invoices', '/login', '/static/app.js'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
const SERVICES = ['gateway', 'billing', 'auth', 'search', 'worker', 'scheduler'];

export function words(r: Random, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) out.push(r.pick(WORDS));
  return out.join(' ');
}

export function sentence(r: Random): string {
  const s = words(r, r.between(6, 18));
  return `${s[0]?.toUpperCase()}${s.slice(1)}${r.pick(['.', '.', '.', '?', ';'])}`;
}

const uuid = (r: Random) =>
  `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-a${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`;
const ip = (r: Random) => `10.${r.int(256)}.${r.int(256)}.${r.int(256)}`;
const timestamp = (r: Random) =>
  `2024-${String(r.between(1, 12)).padStart(2, '0')}-${String(r.between(1, 28)).padStart(2, '0')}T${String(r.int(24)).padStart(2, '0')}:${String(r.int(60)).padStart(2, '0')}:${String(r.int(60)).padStart(2, '0')}.${r.digits(3)}Z`;
const amount = (r: Random) => `${r.between(1, 99999)}.${r.digits(2)}`;

function proseLine(r: Random): string {
  if (r.int(12) === 0) return '';
  const sentences: string[] = [];
  for (let i = r.between(1, 4); i > 0; i -= 1) sentences.push(sentence(r));
  return sentences.join(' ');
}

function csvLine(r: Random): string {
  return [
    r.between(1, 9_999_999),
    words(r, 2),
    `${r.chars(random.LOWER, 6)}@example.invalid`,
    amount(r),
    timestamp(r),
    r.chars(HEX, 40),
    r.digits(r.between(6, 12)),
    `"${words(r, r.between(2, 8))}"`,
  ].join(',');
}

function jsonLine(r: Random): string {
  return JSON.stringify({
    id: uuid(r),
    seq: r.int(10_000_000),
    account: words(r, 2),
    amount: Number(amount(r)),
    currency: r.pick(['EUR', 'USD', 'GBP']),
    createdAt: timestamp(r),
    tags: [r.pick(WORDS), r.pick(WORDS)],
    note: words(r, r.between(3, 12)),
  });
}

function logLine(r: Random): string {
  return `${timestamp(r)} ${r.pick(LEVELS)} [${r.pick(SERVICES)}] request_id=${uuid(r)} method=GET path=${r.pick(PATHS)}?page=${r.int(500)} status=${r.pick([200, 200, 200, 201, 304, 404, 500])} duration_ms=${r.int(2000)} ip=${ip(r)} bytes=${r.int(1_000_000)}`;
}

function sourceLine(r: Random): string {
  const name = `${r.pick(WORDS)}${r.chars(random.UPPER, 1)}${r.chars(random.LOWER, 4)}`;
  switch (r.int(7)) {
    case 0:
      return `  const ${name} = await client.get('${r.pick(PATHS)}', { timeout: ${r.int(10_000)} });`;
    case 1:
      return `  // ${sentence(r)}`;
    case 2:
      return `  if (${name}.length > ${r.int(1000)}) throw new Error('${words(r, 4)}');`;
    case 3:
      return `  const commit = '${r.chars(HEX, 40)}'; // ${words(r, 3)}`;
    case 4:
      return `export function ${name}(input: string, limit = ${r.int(100)}): number {`;
    case 5:
      return `  return ${name}.map((x) => x * ${r.int(97)}).filter(Boolean); }`;
    default:
      return `  const ${name}Hash = '${r.chars(random.BASE64, 44)}';`;
  }
}

export const filler: Record<Flavour, (r: Random) => string> = {
  prose: proseLine,
  csv: csvLine,
  json: jsonLine,
  log: logLine,
  source: sourceLine,
};

export const extension: Record<Flavour, string> = {
  prose: 'txt',
  csv: 'csv',
  json: 'jsonl',
  log: 'log',
  source: 'ts',
};
