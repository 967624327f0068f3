import { z } from 'zod';
import { cancelQueuedScan } from '../../../db/scan-pages.ts';
import { getScan, requestScanCancel } from '../../../db/scans.ts';
import { ApiError, commonErrorResponses, ErrorBody } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Id, TenantRef } from '../../schemas/common.ts';
import { Scan, toApiScan } from '../../schemas/scan.ts';

export default defineTenantRoute({
  id: 'postScanCancel',
  method: 'POST',
  url: '/v1/tenants/:tenant/scans/:scanId/cancel',
  summary: 'Cancel a queued or running scan',
  description:
    'A queued scan is cancelled at once (200, status cancelled). A running scan is asked to stop (202, ' +
    'still running): the worker running it notices within a few seconds, stops reading and ends it ' +
    'cancelled, resolving no finding. A finished scan answers 409.',
  tags: ['scans'],
  access: { scope: 'scans:write' },
  schema: {
    params: z.strictObject({ tenant: TenantRef, scanId: Id }),
    response: { 200: Scan, 202: Scan, 409: ErrorBody, ...commonErrorResponses },
  },
  async handler(req, reply, { deps, tenant }) {
    const { scan, cancelled } = await cancelQueuedScan(deps.db, tenant.id, req.params.scanId);
    if (cancelled) return reply.code(200).send(toApiScan(scan));
    if (scan.status === 'running') {
      const stopping = await requestScanCancel(deps.db, tenant.id, scan.id);
      if (stopping) return reply.code(202).send(toApiScan(stopping));
    }
    const current = await getScan(deps.db, tenant.id, scan.id); // it may have just finished
    throw new ApiError('conflict', `scan ${current.id} already finished (${current.status})`, {
      status: current.status,
    });
  },
});
