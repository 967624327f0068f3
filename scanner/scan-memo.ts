/**
 * One promise per key for a connector client's life (one scan), so streams that need the same
 * data (a user list, a usage report) share one read instead of each making it.
 */
export class ScanMemo {
  private readonly promises = new Map<string, Promise<unknown>>();

  /**
   * `keepFailures`: a failed read is shared too (every stream that needs it fails with the same
   * error, without asking again); otherwise the next caller tries again.
   */
  constructor(private readonly options: { keepFailures: boolean }) {}

  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let promise = this.promises.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = compute();
      this.promises.set(key, promise);
      if (this.options.keepFailures)
        promise.catch(() => {}); // each reader handles the failure
      else promise.catch(() => this.promises.delete(key));
    }
    return promise;
  }
}
