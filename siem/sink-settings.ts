/**
 * Parses sink config or secrets with the sink's zod schema into a config_invalid error that names
 * each bad key and what is wrong, and never echoes a secret's value.
 */
import type { z } from 'zod';
import { PeriscopeError } from '../scanner/errors.ts';

export function parseSinkSettings<T>(schema: z.ZodType<T>, value: unknown, what: string, secret = false): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(root)';
    if (issue.code === 'unrecognized_keys')
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    return secret ? `${key}: missing or not valid` : `${key}: ${issue.message}`;
  });
  throw new PeriscopeError('config_invalid', `${what}: ${problems.join('; ')}`, { problems });
}
