/**
 * The DLP engine's candidate patterns (scanner/dlp/detectors/*.ts) rewritten for ripgrep's default
 * (Rust) regex engine, in the engine's registry order. rg joins the `-e` patterns into one
 * leftmost-first alternation; the engine runs each distinct pattern as its own regex and settles
 * overlaps leftmost-first, then by registry order, which picks the same candidates.
 *
 * Rewriting rules, so both sides match the same bytes: `\d` → `[0-9]` and `\b` → `(?-u:\b)` (JS
 * regexes without the `u` flag are ASCII; Rust's are Unicode by default), `\s` → `[ \t\r\n\f]`.
 *
 * Not equivalent, by design of the comparison (rg only counts candidates):
 * - no validation (Luhn, mod 97, SSN ranges, entropy, JWT header, placeholders, phone parsing) and
 *   no context keywords (required or confidence-raising), so rg counts every candidate;
 * - Rust regex has no look-around: trailing `(?![…])` guards are dropped (rg may count a prefix of
 *   a longer token the engine rejects);
 * - rg is line-oriented: the PEM private-key pattern, which spans the header line and the start of
 *   the base64 body, is cut to the header line.
 */
/** Case-insensitive words spelled as classes, as scanner/dlp/regex-util.ts `ci` does. */
const ci = (word: string) => [...word].map((ch) => `[${ch.toLowerCase()}${ch.toUpperCase()}]`).join('');
const SECRET_WORDS = [
  ci('password'),
  ci('passwd'),
  ci('pwd'),
  ci('secret'),
  ci('token'),
  `${ci('api')}[_-]?${ci('key')}`,
  `${ci('access')}[_-]?${ci('key')}`,
  `${ci('private')}[_-]?${ci('key')}`,
].join('|');
const QUOTE = `["'\`]`;
const SECRET_VALUE = `[^ \\t\\r\\n\\f"'\`,;<>(){}\\[\\]]{12,200}`;

export const rgPatterns: Readonly<Record<string, string>> = {
  'private-key': '-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----',
  jwt: String.raw`(?-u:\b)eyJ[A-Za-z0-9_-]{8,1000}\.[A-Za-z0-9_-]{8,2000}\.[A-Za-z0-9_-]{16,1000}`,
  'github-token': String.raw`(?-u:\b)(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?-u:\b)`,
  'anthropic-api-key': String.raw`(?-u:\b)sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,120}`,
  'openai-api-key': String.raw`(?-u:\b)sk-(?:(?:proj|admin|svcacct)-[A-Za-z0-9_-]{40,200}|[A-Za-z0-9]{48})`,
  'google-api-key': String.raw`(?-u:\b)AIza[0-9A-Za-z_-]{35}`,
  'slack-token': String.raw`(?-u:\b)(?:xox[bpas]-[0-9]{8,13}-[0-9A-Za-z-]{8,120}|xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{32,80})`,
  'stripe-live-key': String.raw`(?-u:\b)[rs]k_live_[0-9A-Za-z]{24,99}(?-u:\b)`,
  'aws-access-key-id': String.raw`(?-u:\b)(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?-u:\b)`,
  'aws-secret-access-key': String.raw`${ci('secret')}[_ .-]?${ci('access')}[_ .-]?${ci('key')}["']?[ \t]*(?:[:=]|=>)[ \t]*["']?[A-Za-z0-9/+]{40}`,
  'generic-secret': `(?:${SECRET_WORDS})[A-Za-z0-9_-]{0,24}["']?[ \\t]*(?::=|=>|[:=])[ \\t]*${QUOTE}?${SECRET_VALUE}${QUOTE}?`,
  'source-code-marker': String.raw`^#![ \t]*/[A-Za-z0-9_/.-]{1,60}(?:[ \t]+[A-Za-z0-9_.-]{1,30})?$|SPDX-License-Identifier:[ \t]*[A-Za-z0-9.+-]{2,64}|Licensed under the Apache License|Permission is hereby granted, free of charge|This program is free software`,
  'medical-record-number': String.raw`(?-u:\b)(?:MRN|[Mm]edical [Rr]ecord (?:[Nn]umber|[Nn]o\.?|#))[ \t]*[:#]?[ \t]*[A-Z]{0,3}-?[0-9]{5,10}(?-u:\b)`,
  iban: String.raw`(?-u:\b)[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?-u:\b)`,
  'uk-nino': String.raw`(?-u:\b)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D](?-u:\b)`,
  'es-dni-nie': String.raw`(?-u:\b)[XYZ]?[0-9]{7,8}-?[A-Z](?-u:\b)`,
  'payment-card': String.raw`(?-u:\b)[2-6][0-9]{3}[ -]?[0-9]{4,6}[ -]?[0-9]{4,5}(?:[ -]?[0-9]{1,4})?(?-u:\b)`,
  'us-ssn': String.raw`(?-u:\b)[0-9]{3}[- ][0-9]{2}[- ][0-9]{4}(?-u:\b)|(?-u:\b)[0-9]{9}(?-u:\b)`,
  'us-npi': String.raw`(?-u:\b)[12][0-9]{9}(?-u:\b)`,
  'us-aba-routing': String.raw`(?-u:\b)[0-9]{9}(?-u:\b)`,
  phone: String.raw`(?:\+[0-9]{1,3}[ .-]?)?(?:\([0-9]{2,4}\)|(?-u:\b)[0-9]{2,4})[ .-]?[0-9]{3,4}[ .-]?[0-9]{3,4}(?-u:\b)`,
  icd10: String.raw`(?-u:\b)[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?(?-u:\b)`,
  'swift-bic': String.raw`(?-u:\b)[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?-u:\b)`,
  email: String.raw`(?-u:\b)[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?){0,8}\.[A-Za-z]{2,24}(?-u:\b)`,
};
