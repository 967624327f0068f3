/**
 * What every connector's client needs around its requests: a gate bounding the requests in
 * flight for one connection, and a pause (for backoff or Retry-After) that ends early when the
 * scan is cancelled.
 */
export class RequestGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next)
      next(); // hand the slot over directly
    else this.active -= 1;
  }
}

/** Waits `ms`, or less if the signal aborts first. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `work` with a signal that follows `parent` only while it runs. Some SDKs add an abort
 * listener to the signal of every request and never remove it (openai's fetchWithTimeout): on
 * the scan's own signal thousands would pile up, and each add walks the whole list.
 */
export async function withChildSignal<T>(
  parent: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const child = new AbortController();
  const abort = () => child.abort(parent.reason);
  if (parent.aborted) abort();
  else parent.addEventListener('abort', abort, { once: true });
  try {
    return await work(child.signal);
  } finally {
    parent.removeEventListener('abort', abort);
  }
}
