/** `--config key=value` / `--secret key=value | key=@file` options, repeated. */
import { readFileSync } from 'node:fs';
import { PeriscopeError } from '../scanner/errors.ts';

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parsePairs(pairs: string[], option: string, allowFiles: boolean): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new PeriscopeError('config_invalid', `${option} expects key=value, got "${pair.split('=')[0]}…"`);
    const key = pair.slice(0, eq);
    let value = pair.slice(eq + 1);
    if (allowFiles && value.startsWith('@')) {
      const file = value.slice(1);
      try {
        value = readFileSync(file, 'utf8').trim();
      } catch (error) {
        throw new PeriscopeError(
          'config_invalid',
          `${option} ${key}: cannot read file ${file}: ${(error as NodeJS.ErrnoException).code}`,
        );
      }
    }
    result[key] = value;
  }
  return result;
}
