import { z } from 'zod';
import { listScanFindingChanges } from '../../../db/scan-finding-changes.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { ScanStatus } from '../../schemas/scan.ts';

const ScanFindingChanges = z
  .object({
    scanId: z.string(),
    connectionId: z.string(),
    status: ScanStatus,
    trigger: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    opened: z.number().int().describe('findings this scan opened for the first time'),
    reopened: z.number().int().describe('resolved findings this scan saw again'),
    resolved: z.number().int().describe('findings this scan no longer saw'),
  })
  .meta({ id: 'ScanFindingChanges' });

export default defineTenantRoute({
  id: 'getFindingTrend',
  method: 'GET',
  url: '/v1/tenants/:tenant/finding-trend',
  summary: 'Findings opened and resolved by each recent scan',
  description: 'The newest scans of the tenant, oldest first, each with the finding changes it recorded.',
  tags: ['findings'],
  access: { scope: 'findings:read' },
  schema: {
    params: TenantParams,
    querystring: z.strictObject({
      limit: z.coerce.number().int().min(1).max(200).default(30).describe('how many recent scans'),
    }),
    response: { 200: z.object({ items: z.array(ScanFindingChanges) }), ...commonErrorResponses },
  },
  example: { query: { limit: '10' } },
  async handler(req, _reply, { deps, tenant }) {
    const rows = await listScanFindingChanges(deps.db, tenant.id, req.query.limit);
    return {
      items: rows.map(({ scan, opened, reopened, resolved }) => ({
        scanId: scan.id,
        connectionId: scan.connectionId,
        status: scan.status as z.infer<typeof ScanStatus>,
        trigger: scan.trigger,
        createdAt: scan.createdAt.toISOString(),
        finishedAt: scan.finishedAt?.toISOString() ?? null,
        opened,
        reopened,
        resolved,
      })),
    };
  },
});
