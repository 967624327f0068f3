/**
 * Counts every vendor HTTP call a scan makes, by status. A 304 is counted apart because
 * conditional requests are free against GitHub's primary rate limit: `primaryCost` is the
 * benchmark figure for an unchanged rescan.
 */
import { transportFetch } from './http-transport.ts';
export interface HttpCallSummary {
  total: number;
  notModified: number;
  primaryCost: number;
  byStatus: Record<string, number>;
}

export class HttpCallCounter {
  private total = 0;
  private notModified = 0;
  private readonly byStatus = new Map<string, number>();

  record(status: number | 'error'): void {
    this.total += 1;
    if (status === 304) this.notModified += 1;
    const key = String(status);
    this.byStatus.set(key, (this.byStatus.get(key) ?? 0) + 1);
  }

  /** A fetch that counts each call; hand it to the vendor SDK. */
  wrapFetch(inner: typeof fetch = transportFetch): typeof fetch {
    return async (input, init) => {
      try {
        const response = await inner(input, init);
        this.record(response.status);
        return response;
      } catch (error) {
        this.record('error');
        throw error;
      }
    };
  }

  summary(): HttpCallSummary {
    return {
      total: this.total,
      notModified: this.notModified,
      primaryCost: this.total - this.notModified,
      byStatus: Object.fromEntries(this.byStatus),
    };
  }
}
