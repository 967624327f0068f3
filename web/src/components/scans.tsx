/** Starting scans and following them until they finish (the API queues; the server runs them). */
import { api, tenantPath } from '../api/client.tsx';
import type { Scan } from '../api/types.tsx';

const finished = (scan: Scan) => scan.status !== 'queued' && scan.status !== 'running';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts scans (all connections, one provider or one connection) and resolves when all have finished. */
export async function scanAndWait(
  tenant: string,
  body: { provider?: string; connectionId?: string },
): Promise<Scan[]> {
  const started = await api<{ items: Scan[] }>('POST', tenantPath(tenant, '/scans'), body);
  const done: Scan[] = [];
  for (const scan of started.items) {
    let current = scan;
    while (!finished(current)) {
      await pause(1000);
      current = await api<Scan>('GET', tenantPath(tenant, `/scans/${current.id}`));
    }
    done.push(current);
  }
  return done;
}
