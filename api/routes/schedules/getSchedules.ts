import { z } from 'zod';
import { listSchedules } from '../../../scanner/queue/schedules.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { Schedule, toApiSchedule } from '../../schemas/schedule.ts';

export default defineTenantRoute({
  id: 'getSchedules',
  method: 'GET',
  url: '/v1/tenants/:tenant/schedules',
  summary: "List the tenant's scan schedules",
  description: 'A tenant has at most one schedule; it scans every connection of the tenant.',
  tags: ['schedules'],
  access: { scope: 'findings:read' },
  schema: {
    params: TenantParams,
    response: { 200: z.object({ items: z.array(Schedule) }), ...commonErrorResponses },
  },
  async handler(_req, _reply, { deps, tenant }) {
    return { items: (await listSchedules(deps.db, tenant.id)).map(toApiSchedule) };
  },
});
