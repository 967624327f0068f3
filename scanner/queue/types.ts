import type { ScanOutcome } from '../scan.ts';

/** What callers need from a queue; BullMQ and the in-process queue both provide it. */
export interface ScanQueue {
  readonly mode: 'bullmq' | 'in-process';
  /** Queues a scan; a second request for a connection already being scanned is a no-op. */
  enqueue(scanId: string, connectionId: string): Promise<void>;
  /** Resolves when the scan reaches a final status. */
  waitFor(scanId: string, timeoutMs?: number): Promise<ScanOutcome>;
  close(): Promise<void>;
}

export interface RetryPolicy {
  attempts: number;
  /** First backoff delay; doubles each attempt. */
  backoffMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, backoffMs: 5_000 };

/** Job payloads carry ids only: BullMQ stores job data in clear in Redis. */
export interface ScanJobData {
  scanId: string;
}

export interface ScheduledScanJobData {
  tenantId: string;
}

export function scanJobId(connectionId: string): string {
  return `scan-${connectionId}`;
}
