/**
 * Runs `work` over items with at most `limit` in flight and yields results in input order, so
 * a checkpoint "items up to i are done" stays true however the calls interleave. A finished
 * call starts the next at once (not when the consumer asks), within a window of results the
 * consumer has not taken yet, so a slow consumer cannot make memory grow without bound.
 */
export async function* orderedPool<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const results: Array<Promise<R> | undefined> = [];
  const window = limit * 4;
  let next = 0;
  let running = 0;
  let consumed = 0;
  const pump = () => {
    while (running < limit && next < items.length && next - consumed < window) {
      const promise = work(items[next++] as T);
      running += 1;
      const settle = () => {
        running -= 1;
        pump();
      };
      // Awaited in order below; this only stops a later failure from being reported as
      // unhandled while an earlier item is still being awaited.
      promise.then(settle, settle);
      results.push(promise);
    }
  };
  pump();
  while (consumed < items.length) {
    const result = await (results[consumed] as Promise<R>);
    results[consumed] = undefined;
    consumed += 1;
    pump();
    yield result;
  }
}
