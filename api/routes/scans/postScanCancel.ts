import { z } from 'zod';
import { cancelQueuedScan } from '../../../db/scan-pages.ts';
import { ApiError, commonErrorResponses, ErrorBody } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Id, TenantRef } from '../../schemas/common.ts';
import { Scan, toApiScan } from '../../schemas/scan.ts';

export default defineTenantRoute({
  id: 'postScanCancel',
  method: 'POST',
  url: '/v1/tenants/:tenant/scans/:scanId/cancel',
  summary: 'Cancel a queued scan',
  description: 'A scan that has not started is cancelled; one already running or finished answers 409.',
  tags: ['scans'],
  access: { scope: 'scans:write' },
  schema: {
    params: z.strictObject({ tenant: TenantRef, scanId: Id }),
    response: { 200: Scan, 409: ErrorBody, ...commonErrorResponses },
  },
  async handler(req, _reply, { deps, tenant }) {
    const { scan, cancelled } = await cancelQueuedScan(deps.db, tenant.id, req.params.scanId);
    if (!cancelled)
      throw new ApiError(
        'conflict',
        scan.status === 'running'
          ? `scan ${scan.id} is already running; only a queued scan can be cancelled`
          : `scan ${scan.id} already finished (${scan.status})`,
        { status: scan.status },
      );
    return toApiScan(scan);
  },
});
