/** Cloud and SaaS credentials with a documented, recognisable format. */
import { ci } from '../regex-util.ts';
import type { Detector } from '../types.ts';
import { shannonEntropy } from '../validators/entropy.ts';

/** Random key material of at least `min` characters and some entropy, not a doc placeholder. */
function looksRandom(v: string, minEntropy: number): boolean {
  return shannonEntropy(v) >= minEntropy && !/EXAMPLE|X{6,}|x{6,}|0{8,}|(?:abc|123){3}/.test(v);
}

export const awsAccessKeyId: Detector = {
  id: 'aws-access-key-id',
  name: 'AWS access key id',
  pattern: String.raw`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b`,
  // AKIAIOSFODNN7EXAMPLE (AWS docs) and its kin end in EXAMPLE: placeholders, not keys.
  validate: (c) => !c.endsWith('EXAMPLE'),
  confidence: 'high',
  mask: { kind: 'prefix', prefix: /^[A-Z]{4}/ },
};

export const awsSecretAccessKey: Detector = {
  id: 'aws-secret-access-key',
  name: 'AWS secret access key',
  // 40 base64 characters are only an AWS secret next to its name (credentials file, env, JSON).
  pattern: `${ci('secret')}[_ .-]?${ci('access')}[_ .-]?${ci('key')}[A-Za-z0-9_]{0,16}["']?[ \\t]*(?:[:=]|=>)[ \\t]*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])`,
  validate: (c) => {
    const v = c.slice(-40);
    return looksRandom(v, 4) ? { ok: true, offset: c.length - 40, length: 40 } : false;
  },
  confidence: 'high',
  mask: { kind: 'prefix', prefix: /^$/ },
};

export const githubToken: Detector = {
  id: 'github-token',
  name: 'GitHub token',
  pattern: String.raw`\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b`,
  validate: (c) => looksRandom(c, 3.5),
  confidence: 'high',
  mask: { kind: 'prefix', prefix: /^(?:gh[pousr]_|github_pat_)/ },
};

export const anthropicKey: Detector = {
  id: 'anthropic-api-key',
  name: 'Anthropic API key',
  pattern: String.raw`\bsk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])`,
  validate: (c) => looksRandom(c, 4),
  confidence: 'high',
  mask: { kind: 'prefix', prefix: /^sk-ant-[a-z0-9]+-/ },
};

export const openaiKey: Detector = {
  id: 'openai-api-key',
  name: 'OpenAI API key',
  // Project/admin/service-account keys, and legacy sk- + 48 alphanumerics.
  pattern: String.raw`\bsk-(?:(?:proj|admin|svcacct)-[A-Za-z0-9_-]{40,200}|[A-Za-z0-9]{48})(?![A-Za-z0-9_-])`,
  // Keys embed T3BlbkFJ ("OpenAI" in base64): with it the key is certain, without it likely.
  validate: (c) => looksRandom(c, 4) && { ok: true, confidence: c.includes('T3BlbkFJ') ? 'high' : 'medium' },
  confidence: 'high',
  mask: { kind: 'prefix', prefix: /^sk-(?:proj-|admin-|svcacct-)?/ },
};

export const googleApiKey: Detector = {
  id: 'google-api-key',
  name: 'Google API key',
  pattern: String.raw`\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])`,
  validate: (c) => looksRandom(c, 3.5),
  confidence: 'high',
  mask: { kind: 'prefix', prefix: /^AIza/ },
};

export const slackToken: Detector = {
  id: 'slack-token',
  name: 'Slack token',
  pattern: String.raw`\b(?:xox[bpas]-\d{8,13}-[0-9A-Za-z-]{8,120}|xapp-\d-[A-Z0-9]{8,14}-\d{8,14}-[a-f0-9]{32,80})(?![0-9A-Za-z-])`,
  validate: (c) => looksRandom(c, 3.5),
  confidence: 'high',
  mask: { kind: 'prefix', prefix: /^x(?:ox[bpas]|app)-/ },
};

export const stripeKey: Detector = {
  id: 'stripe-live-key',
  name: 'Stripe live secret/restricted key',
  pattern: String.raw`\b[rs]k_live_[0-9A-Za-z]{24,99}\b`,
  validate: (c) => looksRandom(c, 3.5),
  confidence: 'high',
  mask: { kind: 'prefix', prefix: /^[rs]k_live_/ },
};

export const privateKey: Detector = {
  id: 'private-key',
  name: 'PEM private key',
  // Header plus the start of real base64 body (optional armor headers such as Proc-Type first),
  // so documentation showing "-----BEGIN RSA PRIVATE KEY-----\n..." does not count.
  pattern: String.raw`-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----\s{1,4}(?:[A-Za-z-]+: [^\n]{0,128}\s{1,4}){0,3}[A-Za-z0-9+/=]{40}`,
  confidence: 'high',
  mask: { kind: 'label', label: (v) => /-----BEGIN [^-]+-----/.exec(v)?.[0] ?? 'PRIVATE KEY' },
};

function jwtHeaderHasAlg(c: string): boolean {
  const header = c.slice(0, c.indexOf('.'));
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return (
      typeof parsed === 'object' && parsed !== null && typeof (parsed as { alg?: unknown }).alg === 'string'
    );
  } catch {
    return false;
  }
}

export const jwt: Detector = {
  id: 'jwt',
  name: 'JSON Web Token',
  pattern: String.raw`\beyJ[A-Za-z0-9_-]{8,1000}\.[A-Za-z0-9_-]{8,2000}\.[A-Za-z0-9_-]{16,1000}(?![A-Za-z0-9_-])`,
  validate: jwtHeaderHasAlg,
  confidence: 'high',
  mask: { kind: 'prefix', prefix: /^eyJ/ },
};
