import { z } from 'zod';
import { listFindingEvents } from '../../../db/finding-queries.ts';
import { findFinding } from '../../../db/finding-search.ts';
import { ApiError, commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import {
  Finding,
  FindingEvent,
  FindingParams,
  toApiFinding,
  toApiFindingEvent,
} from '../../schemas/finding.ts';

export default defineTenantRoute({
  id: 'getFinding',
  method: 'GET',
  url: '/v1/tenants/:tenant/findings/:findingId',
  summary: 'Get a finding with its event history',
  tags: ['findings'],
  access: { scope: 'findings:read' },
  schema: {
    params: FindingParams,
    response: { 200: Finding.extend({ events: z.array(FindingEvent) }), ...commonErrorResponses },
  },
  async handler(req, _reply, { deps, tenant }) {
    const row = await findFinding(deps.db, tenant.id, req.params.findingId);
    if (!row) throw new ApiError('not_found', `no finding ${req.params.findingId} in this tenant`);
    const events = await listFindingEvents(deps.db, tenant.id, row.id);
    return { ...toApiFinding(row), events: events.map(toApiFindingEvent) };
  },
});
