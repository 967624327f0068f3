/**
 * The body of POST connections, and the scrubbing of vendor messages: whatever the vendor says
 * when it refuses a credential is passed on, minus any secret value it might have echoed.
 */
import { z } from 'zod';
import { Provider } from '../../scanner/model.ts';

export const ConnectionInput = z.strictObject({
  provider: Provider,
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$/, 'letters, digits, spaces, . _ -; up to 63')
    .optional()
    .describe('default: the provider'),
  baseUrl: z
    .url()
    .max(500)
    .optional()
    .describe("the vendor SDK's base URL (GitHub Enterprise: https://HOST/api/v3)"),
  config: z.record(z.string().max(100), z.string().max(20_000)).default({}).describe('non-secret settings'),
  secrets: z
    .record(z.string().max(100), z.union([z.string().max(30_000), z.record(z.string(), z.unknown())]))
    .describe('credentials; a JSON key file (Google service account) may be given as an object'),
});
export type ConnectionInput = z.infer<typeof ConnectionInput>;

/** Secrets as the connectors take them: strings, key files serialized. */
export function secretStrings(secrets: ConnectionInput['secrets']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(secrets).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}

/** Every secret value, each line of multi-line ones, and each string of key-file objects. */
function secretFragments(secrets: Record<string, string>): string[] {
  const fragments = new Set<string>();
  const add = (value: string) => {
    for (const piece of [value, ...value.split(/\r?\n/)])
      if (piece.trim().length >= 6) fragments.add(piece.trim());
  };
  for (const value of Object.values(secrets)) {
    add(value);
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed && typeof parsed === 'object')
        for (const inner of Object.values(parsed)) if (typeof inner === 'string') add(inner);
    } catch {}
  }
  return [...fragments].sort((a, b) => b.length - a.length);
}

/** Text with any secret value replaced by [redacted]. */
export function scrubSecrets(text: string, secrets: Record<string, string>): string {
  let out = text;
  for (const fragment of secretFragments(secrets)) out = out.split(fragment).join('[redacted]');
  return out;
}
