import { z } from 'zod';
import { getScan } from '../../../db/scans.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Id, TenantRef } from '../../schemas/common.ts';
import { Scan, toApiScan } from '../../schemas/scan.ts';

export default defineTenantRoute({
  id: 'getScan',
  method: 'GET',
  url: '/v1/tenants/:tenant/scans/:scanId',
  summary: 'Get a scan',
  description: 'Status, per-stream status, per-rule evaluation, HTTP call counts and errors.',
  tags: ['scans'],
  access: { scope: 'findings:read' },
  schema: {
    params: z.strictObject({ tenant: TenantRef, scanId: Id }),
    response: { 200: Scan, ...commonErrorResponses },
  },
  async handler(req, _reply, { deps, tenant }) {
    return toApiScan(await getScan(deps.db, tenant.id, req.params.scanId));
  },
});
