/** OpenAI-shaped ids and key values from the seeded generator (unique by length, not by a Set). */
import { ALPHANUMERIC, type Random } from '../random.ts';

export interface IdMaker {
  user(): string;
  invite(): string;
  project(): string;
  serviceAccount(): string;
  key(): string;
  rateLimit(model: string): string;
  file(): string;
  vectorStore(): string;
  assistant(): string;
  event(): string;
  /** A full key value: `sk-admin-…`, `sk-proj-…`, `sk-svcacct-…`. */
  secret(prefix: string): string;
}

export function createIdMaker(random: Random): IdMaker {
  const token = (n: number) => random.token(n, ALPHANUMERIC);
  return {
    user: () => `user-${token(24)}`,
    invite: () => `invite-${token(24)}`,
    project: () => `proj_${token(24)}`,
    serviceAccount: () => `svc_acct_${token(24)}`,
    key: () => `key_${token(16)}`,
    rateLimit: (model) => `rl-${model}-${token(8)}`,
    file: () => `file-${token(22)}`,
    vectorStore: () => `vs_${token(24)}`,
    assistant: () => `asst_${token(24)}`,
    event: () => `audit_log-${token(24)}`,
    secret: (prefix) => `${prefix}${token(48)}`,
  };
}

/** What the API shows instead of a key: a few leading and trailing characters. */
export function redactedValue(value: string): string {
  const dash = value.lastIndexOf('-', 12);
  const prefix = value.slice(0, dash + 1);
  return `${prefix}${value.slice(prefix.length, prefix.length + 3)}...${value.slice(-3)}`;
}
