import { createHash } from 'node:crypto';

/** Ids only: BullMQ keeps job data in clear, and the file's content is fetched inside the job. */
export interface DlpJobData {
  tenantId: string;
  connectionId: string;
  assetKey: string;
  /** The scan that saw the file; findings the inspection opens are attributed to it. */
  scanId: string;
}

export interface DlpQueue {
  readonly mode: 'bullmq' | 'in-process';
  /** Queues inspections in one round trip (a Drive page can hold a thousand shared files). */
  enqueue(jobs: DlpJobData[], provider: string): Promise<void>;
  /** Resolves when every queued inspection has finished (in-process; BullMQ: when drained). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** One inspection per file at a time; `:` is not allowed inside BullMQ ids. */
export function dlpJobId(job: Pick<DlpJobData, 'connectionId' | 'assetKey'>): string {
  const key = createHash('sha256').update(job.assetKey).digest('hex').slice(0, 24);
  return `dlp-${job.connectionId}-${key}`;
}

export function dlpQueueName(provider: string): string {
  return `dlp-${provider}`;
}
