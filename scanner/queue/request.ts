import type { Database } from '../../db/client.ts';
import { listConnections } from '../../db/connections.ts';
import { createOrGetActiveScan, type Scan } from '../../db/scans.ts';
import { PeriscopeError } from '../errors.ts';
import type { ScanQueue } from './types.ts';

/** Starts (or joins) a scan for each matching connection of a tenant and queues it. */
export async function requestScans(
  db: Database,
  queue: ScanQueue,
  tenantId: string,
  filter: { provider?: string; connectionId?: string; trigger?: string } = {},
): Promise<Scan[]> {
  const connections = (await listConnections(db, tenantId)).filter(
    (c) =>
      (!filter.provider || c.provider === filter.provider) &&
      (!filter.connectionId || c.id === filter.connectionId),
  );
  if (connections.length === 0) {
    throw new PeriscopeError(
      'not_found',
      filter.provider ? `no ${filter.provider} connection in this tenant` : 'this tenant has no connections',
    );
  }
  const started: Scan[] = [];
  for (const connection of connections) {
    const { scan } = await createOrGetActiveScan(db, tenantId, connection.id, filter.trigger ?? 'manual');
    await queue.enqueue(scan.id, connection.id);
    started.push(scan);
  }
  return started;
}
