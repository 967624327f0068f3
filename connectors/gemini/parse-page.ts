/**
 * Parses one page of a list at the edge. Anything but the documented envelope — a body that is
 * not an object, a list that is not an array, an item without its name, a page token that
 * repeats — fails the stream as malformed_response: a page we cannot read is never a pass.
 */
import type { z } from 'zod';
import { PeriscopeError } from '../../scanner/errors.ts';

export interface ParsedPage<T> {
  items: T[];
  nextPageToken: string | undefined;
}

export function parsePage<T extends z.ZodType>(
  call: string,
  body: unknown,
  listField: string,
  item: T,
  previousToken: string | undefined,
): ParsedPage<z.infer<T>> {
  const fail = (what: string) =>
    new PeriscopeError('malformed_response', `gemini ${call}: ${what}`, {
      provider: 'gemini',
      endpoint: call,
    });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw fail(
      `the response body is ${typeof body === 'string' ? 'unparsable JSON' : `a ${Array.isArray(body) ? 'list' : typeof body}`}, not an object`,
    );
  }
  const record = body as Record<string, unknown>;
  const list = record[listField] ?? [];
  if (!Array.isArray(list)) throw fail(`"${listField}" is not a list`);
  const token = record.nextPageToken;
  if (token !== undefined && token !== null && typeof token !== 'string')
    throw fail('"nextPageToken" is not a string');
  const items = list.map((raw, index) => {
    const parsed = item.safeParse(raw);
    if (!parsed.success)
      throw fail(
        `item ${index} of "${listField}" is not a ${listField.replace(/s$/, '')}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
    return parsed.data as z.infer<T>;
  });
  const nextPageToken = typeof token === 'string' && token !== '' ? token : undefined;
  if (nextPageToken !== undefined && nextPageToken === previousToken)
    throw fail('the page token did not advance');
  return { items, nextPageToken };
}
