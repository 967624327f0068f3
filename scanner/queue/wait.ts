import type { Database } from '../../db/client.ts';
import { getScanById } from '../../db/scans.ts';
import { PeriscopeError } from '../errors.ts';
import type { ScanOutcome } from '../scan.ts';

const finalStatuses = new Set(['succeeded', 'partial', 'failed', 'cancelled']);

/** Polls the scan row: works whichever process (or machine) runs the scan. */
export async function waitForScan(
  db: Database,
  scanId: string,
  timeoutMs = 30 * 60_000,
  pollMs = 200,
): Promise<ScanOutcome> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scan = await getScanById(db, scanId);
    if (!scan) throw new PeriscopeError('not_found', `no scan ${scanId}`);
    if (finalStatuses.has(scan.status)) {
      return {
        scanId,
        status: scan.status as ScanOutcome['status'],
        retryable: false,
        fatal: scan.status === 'failed',
      };
    }
    if (Date.now() > deadline)
      throw new PeriscopeError('internal', `scan ${scanId} still ${scan.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
