/** Prints stream progress of running scans to stderr by polling their rows. */
import type { Database } from '../db/client.ts';
import { getScanById, type Scan } from '../db/scans.ts';
import { note } from './output.ts';

const finalStatuses = new Set(['succeeded', 'partial', 'failed', 'cancelled']);

export async function followScans(
  db: Database,
  scanIds: string[],
  label: (scan: Scan) => string,
): Promise<Scan[]> {
  const seen = new Map<string, string>();
  for (;;) {
    const scans = await Promise.all(scanIds.map((id) => getScanById(db, id)));
    for (const scan of scans) {
      if (!scan) continue;
      for (const [name, stream] of Object.entries(scan.streams)) {
        const key = `${scan.id}/${name}`;
        const line = `${stream.status}:${stream.assets}`;
        if (seen.get(key) === line || stream.status === 'pending') continue;
        seen.set(key, line);
        if (stream.status === 'running' && stream.assets === 0) continue;
        const detail =
          stream.status === 'unavailable'
            ? ` (not evaluated: ${stream.reason})`
            : stream.error
              ? ` (${stream.error.message})`
              : '';
        note(`  ${label(scan)} ${name}: ${stream.status}, ${stream.assets} assets${detail}`);
      }
    }
    if (scans.every((s) => !s || finalStatuses.has(s.status)))
      return scans.filter((s): s is Scan => Boolean(s));
    await new Promise((r) => setTimeout(r, 300));
  }
}
