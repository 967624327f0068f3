/**
 * Runs `work` over items with at most `limit` in flight and yields results in input order, so
 * a checkpoint "items up to i are done" stays true however the calls interleave.
 */
export async function* orderedPool<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const inflight: Promise<R>[] = [];
  let next = 0;
  const start = () => {
    const item = items[next++] as T;
    const promise = work(item);
    // Awaited in order below; this only stops a later failure from being reported as unhandled
    // while an earlier item is still being awaited.
    promise.catch(() => {});
    inflight.push(promise);
  };
  while (next < items.length && inflight.length < limit) start();
  while (inflight.length > 0) {
    const result = await (inflight.shift() as Promise<R>);
    if (next < items.length) start();
    yield result;
  }
}
