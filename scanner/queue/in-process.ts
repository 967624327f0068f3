/**
 * The embedded queue: the same scan processor as the BullMQ worker, driven in this process.
 * Scans of one connection run one after another; retries back off exponentially.
 */
import { getScanById } from '../../db/scans.ts';
import { PeriscopeError } from '../errors.ts';
import { runScan, type ScanDeps, type ScanOutcome } from '../scan.ts';
import { defaultRetryPolicy, type RetryPolicy, type ScanQueue } from './types.ts';

export class InProcessScanQueue implements ScanQueue {
  readonly mode = 'in-process' as const;
  private readonly perConnection = new Map<string, Promise<unknown>>();
  private readonly running = new Map<string, Promise<ScanOutcome>>();
  private readonly abort = new AbortController();
  private closed = false;

  constructor(
    private readonly deps: ScanDeps,
    private readonly retry: RetryPolicy = defaultRetryPolicy,
  ) {}

  async enqueue(scanId: string, connectionId: string): Promise<void> {
    if (this.closed) throw new PeriscopeError('internal', 'queue is closed');
    if (this.running.has(scanId)) return;
    const previous = this.perConnection.get(connectionId) ?? Promise.resolve();
    const job = previous.then(() => this.runWithRetries(scanId));
    const settled = job.catch(() => undefined);
    this.running.set(scanId, job);
    this.perConnection.set(connectionId, settled);
    void settled.then(() => {
      if (this.perConnection.get(connectionId) === settled) this.perConnection.delete(connectionId);
    });
  }

  private async runWithRetries(scanId: string): Promise<ScanOutcome> {
    for (let attempt = 1; ; attempt++) {
      const finalAttempt = attempt >= this.retry.attempts;
      const outcome = await runScan(this.deps, scanId, { signal: this.abort.signal, finalAttempt });
      if (outcome.status !== 'queued') return outcome;
      await delay(this.retry.backoffMs * 2 ** (attempt - 1), this.abort.signal);
    }
  }

  async waitFor(scanId: string): Promise<ScanOutcome> {
    const job = this.running.get(scanId);
    if (job) return job;
    const scan = await getScanById(this.deps.db, scanId);
    if (!scan) throw new PeriscopeError('not_found', `no scan ${scanId}`);
    return { scanId, status: scan.status as ScanOutcome['status'], retryable: false, fatal: false };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Stops running scans at their next batch, leaving them resumable. */
  interrupt(): void {
    this.abort.abort();
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
