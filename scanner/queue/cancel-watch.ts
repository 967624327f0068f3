/**
 * Cancelling a running scan: the API marks its row (scans.cancel_requested_at) and the process
 * running the scan, whichever it is, polls the row and aborts the scan's signal. Polling rather
 * than a message, so it works the same in-process and across BullMQ workers; it costs one
 * primary-key read every few seconds per running scan.
 */
import type { Database } from '../../db/client.ts';
import { isCancelRequested } from '../../db/scans.ts';

export interface CancelWatch {
  /** Aborted once a cancel was requested. */
  readonly signal: AbortSignal;
  stop(): void;
}

/** @defaultValue 2000 ms between polls */
export const defaultCancelPollMs = 2000;

export function watchCancelRequest(db: Database, scanId: string, pollMs = defaultCancelPollMs): CancelWatch {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const poll = async () => {
    try {
      if (await isCancelRequested(db, scanId)) controller.abort();
    } catch {
      // A failed read only delays the cancel: the next poll asks again.
    }
    if (!stopped && !controller.signal.aborted) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void poll(), pollMs);
    timer.unref();
  };
  schedule();
  return {
    signal: controller.signal,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
