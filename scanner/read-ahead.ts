/**
 * Asks a source for its next item as soon as the current one is handed out, so the connector's
 * next HTTP page is in flight while the scan stores the current batch.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      next.catch(() => {}); // a failure surfaces when it is awaited above
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}
