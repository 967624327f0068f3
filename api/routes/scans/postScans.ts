import { z } from 'zod';
import { getScanById } from '../../../db/scans.ts';
import { Provider } from '../../../scanner/model.ts';
import { requestScans } from '../../../scanner/queue/request.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Id, TenantParams } from '../../schemas/common.ts';
import { Scan, toApiScan } from '../../schemas/scan.ts';

export default defineTenantRoute({
  id: 'postScans',
  method: 'POST',
  url: '/v1/tenants/:tenant/scans',
  summary: 'Start scans',
  description:
    'Queues a scan of every connection of the tenant, or of one provider or connection. A connection ' +
    'already being scanned keeps its scan, which is returned.',
  tags: ['scans'],
  access: { scope: 'scans:write' },
  schema: {
    params: TenantParams,
    body: z
      .strictObject({ provider: Provider.optional(), connectionId: Id.optional() })
      .default({})
      .describe('which connections; empty = all'),
    response: { 202: z.object({ items: z.array(Scan) }), ...commonErrorResponses },
  },
  example: { body: { provider: 'github' } },
  async handler(req, reply, { deps, tenant }) {
    const body = req.body ?? {};
    const started = await requestScans(deps.db, deps.queue, tenant.id, {
      trigger: 'api',
      ...(body.provider ? { provider: body.provider } : {}),
      ...(body.connectionId ? { connectionId: body.connectionId } : {}),
    });
    // Re-read: an in-process queue may already have moved a scan on.
    const items = [];
    for (const scan of started) items.push(toApiScan((await getScanById(deps.db, scan.id)) ?? scan));
    return reply.code(202).send({ items });
  },
});
