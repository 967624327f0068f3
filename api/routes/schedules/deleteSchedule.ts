import { z } from 'zod';
import { removeSchedule, schedulerId } from '../../../scanner/queue/schedules.ts';
import { ApiError, commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantRef } from '../../schemas/common.ts';
import { bullQueueOf } from '../../schemas/schedule.ts';

export default defineTenantRoute({
  id: 'deleteSchedule',
  method: 'DELETE',
  url: '/v1/tenants/:tenant/schedules/:scheduleId',
  summary: 'Remove a scan schedule',
  tags: ['schedules'],
  access: { scope: 'scans:write' },
  schema: {
    params: z.strictObject({ tenant: TenantRef, scheduleId: z.string().min(1).max(100) }),
    response: { 204: z.undefined().describe('removed'), ...commonErrorResponses },
  },
  async handler(req, reply, { deps, tenant }) {
    // The id names its tenant: another tenant's schedule id is simply not one of this tenant's.
    const { scheduleId } = req.params;
    if (
      scheduleId !== schedulerId(tenant.id) ||
      !(await removeSchedule(deps.db, bullQueueOf(deps.queue), tenant.id))
    )
      throw new ApiError('not_found', `no schedule "${scheduleId}"`);
    return reply.code(204).send();
  },
});
