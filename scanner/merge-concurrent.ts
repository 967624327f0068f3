/**
 * Runs an async generator per item, at most `limit` at a time, and yields their values as they
 * come (not in item order). A bounded buffer gives backpressure: a slow consumer pauses the
 * producers instead of letting memory grow. The first failure stops new work and is rethrown.
 */
export async function* mergeConcurrent<T, R>(
  items: T[],
  limit: number,
  produce: (item: T) => AsyncIterable<R>,
  buffer = limit * 2,
): AsyncGenerator<R> {
  const queue: R[] = [];
  let failure: { error: unknown } | undefined;
  let next = 0;
  let running = 0;
  let wakeConsumer: (() => void) | undefined;
  const wakeProducers: Array<() => void> = [];
  const notify = () => {
    wakeConsumer?.();
    wakeConsumer = undefined;
  };
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        for await (const value of produce(item)) {
          while (queue.length >= buffer && !failure) await new Promise<void>((r) => wakeProducers.push(r));
          if (failure) return;
          queue.push(value);
          notify();
        }
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes = Array.from({ length: Math.min(limit, items.length) }, () => {
    running += 1;
    return lane().finally(() => {
      running -= 1;
      notify();
    });
  });
  try {
    while (true) {
      if (queue.length > 0) {
        yield queue.shift() as R;
        wakeProducers.shift()?.();
        continue;
      }
      if (failure || running === 0) break;
      await new Promise<void>((r) => {
        wakeConsumer = r;
      });
    }
  } finally {
    failure ??= { error: undefined }; // the consumer stopped: let the lanes finish
    for (const wake of wakeProducers.splice(0)) wake();
    await Promise.all(lanes);
  }
  if (failure.error !== undefined) throw failure.error;
}
