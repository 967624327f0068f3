/**
 * `password = "…"`-style assignments whose value looks random. The keyword leads the pattern so
 * the prefilter only stops at assignments; the value must pass an entropy threshold and must not
 * be a placeholder, an expression, or a key another detector recognises (that detector reports it).
 */
import { ci } from '../regex-util.ts';
import type { Detector, Validation } from '../types.ts';
import { shannonEntropy } from '../validators/entropy.ts';

const KEYWORD = [
  ci('password'),
  ci('passwd'),
  ci('pwd'),
  ci('secret'),
  ci('token'),
  `${ci('api')}[_-]?${ci('key')}`,
  `${ci('access')}[_-]?${ci('key')}`,
  `${ci('private')}[_-]?${ci('key')}`,
].join('|');

const KEYWORD_AT_START = new RegExp(`^(?:${KEYWORD})`);

/** Bits per character a value must reach; random base62 of 16+ chars is ~3.9, words ~2.5-3.2. */
export const GENERIC_SECRET_MIN_ENTROPY = 3.5;

/** Keyword suffix, optional quote and the assignment operator: everything before the value. */
const ASSIGNMENT = /^[A-Za-z0-9_-]*["']?[ \t]*(?::=|=>|[:=])[ \t]*["'`]?/;
const PLACEHOLDER =
  /\$\{|\{\{|%\(|process\.env|environ|getenv|secrets\.|vault|changeme|change_me|example|placeholder|your[_-]|dummy|redacted|xxxx|\*\*\*|\.\.\.|<|test/i;

/** Set by the detector registry: prefixes of the credential formats other detectors own. */
let knownCredential: RegExp = /$^/;
export function setKnownCredentialPattern(re: RegExp): void {
  knownCredential = re;
}

function validate(c: string): Validation {
  // A closing quote is syntax, not secret.
  const body = /["'`]$/.test(c) ? c.slice(0, -1) : c;
  const kw = KEYWORD_AT_START.exec(body);
  const a = kw && ASSIGNMENT.exec(body.slice(kw[0].length));
  if (!kw || !a) return { ok: false };
  const offset = kw[0].length + a[0].length;
  const v = body.slice(offset);
  if (v.length < 12) return { ok: false };
  if (PLACEHOLDER.test(v) || knownCredential.test(v)) return { ok: false };
  // Identifiers and member accesses (config.db.password, DB_PASSWORD_FILE) are code, not secrets.
  if (/^[A-Za-z_][A-Za-z_.]*$/.test(v) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(v)) return { ok: false };
  // Mixed classes: at least a digit or symbol alongside letters.
  if (!/[A-Za-z]/.test(v) || !/[^A-Za-z]/.test(v)) return { ok: false };
  if (shannonEntropy(v) < GENERIC_SECRET_MIN_ENTROPY) return { ok: false };
  return { ok: true, offset, length: v.length };
}

export const genericSecret: Detector = {
  id: 'generic-secret',
  name: 'High-entropy secret assigned to a secret-named key',
  pattern: `(?:${KEYWORD})[A-Za-z0-9_-]{0,24}["']?[ \\t]*(?::=|=>|[:=])[ \\t]*["'\`]?[^\\s"'\`,;<>(){}[\\]]{12,200}["'\`]?`,
  validate,
  confidence: 'medium',
  mask: { kind: 'prefix', prefix: /^$/ },
};
