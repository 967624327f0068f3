/**
 * The embedded DLP queue: inspections run in this process, at most `concurrency` at a time and
 * within each provider's download rate; a retryable failure (429, 5xx, network) is tried again.
 */
import type { Logger } from 'pino';
import { errorMessage, isPeriscopeError } from '../errors.ts';
import type { ScanDeps } from '../scan.ts';
import { inspectFile } from './inspect-file.ts';
import { RateLimiter } from './rate-limiter.ts';
import { type DlpJobData, type DlpQueue, dlpJobId } from './types.ts';

export interface DlpQueueOptions {
  concurrency?: number;
  /** Downloads per second per provider; the connector's `contentRatePerSecond` when known. */
  ratePerSecond?: (provider: string) => number;
  attempts?: number;
  backoffMs?: number;
}

interface Pending {
  job: DlpJobData;
  provider: string;
  attempt: number;
}

export class InProcessDlpQueue implements DlpQueue {
  readonly mode = 'in-process' as const;
  private readonly pending: Pending[] = [];
  private readonly queued = new Set<string>();
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly abort = new AbortController();
  private running = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly logger: Logger;

  constructor(
    private readonly deps: ScanDeps,
    private readonly options: DlpQueueOptions = {},
  ) {
    this.logger = deps.logger.child({ queue: 'dlp' });
  }

  async enqueue(jobs: DlpJobData[], provider: string): Promise<void> {
    for (const job of jobs) {
      const id = dlpJobId(job);
      if (this.queued.has(id) || this.abort.signal.aborted) continue;
      this.queued.add(id);
      this.pending.push({ job, provider, attempt: 1 });
    }
    this.pump();
  }

  private limiter(provider: string): RateLimiter {
    let limiter = this.limiters.get(provider);
    if (!limiter) {
      limiter = new RateLimiter(this.options.ratePerSecond?.(provider) ?? 5);
      this.limiters.set(provider, limiter);
    }
    return limiter;
  }

  private pump(): void {
    while (this.running < (this.options.concurrency ?? 2) && this.pending.length > 0) {
      const next = this.pending.shift()!;
      this.running += 1;
      void this.run(next).finally(() => {
        this.running -= 1;
        this.pump();
        if (this.running === 0 && this.pending.length === 0)
          for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    }
  }

  private async run(item: Pending): Promise<void> {
    const id = dlpJobId(item.job);
    try {
      await this.limiter(item.provider).take();
      await inspectFile(this.deps, item.job, this.abort.signal);
      this.queued.delete(id);
    } catch (error) {
      const retry = isPeriscopeError(error) && error.retryable && item.attempt < (this.options.attempts ?? 3);
      this.logger.warn(
        { assetKey: item.job.assetKey, attempt: item.attempt, retry },
        `dlp inspection failed: ${errorMessage(error)}`,
      );
      if (!retry) {
        this.queued.delete(id);
        return;
      }
      await new Promise((r) => setTimeout(r, (this.options.backoffMs ?? 2_000) * 2 ** (item.attempt - 1)));
      this.pending.push({ ...item, attempt: item.attempt + 1 });
    }
  }

  idle(): Promise<void> {
    if (this.running === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.pending.length = 0;
    await this.idle();
    this.abort.abort();
  }
}
