import { z } from 'zod';
import { listSchedules, schedulerId, updateSchedule } from '../../../scanner/queue/schedules.ts';
import { ApiError, commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantRef } from '../../schemas/common.ts';
import { bullQueueOf, checkCron, Schedule, toApiSchedule } from '../../schemas/schedule.ts';

export default defineTenantRoute({
  id: 'patchSchedule',
  method: 'PATCH',
  url: '/v1/tenants/:tenant/schedules/:scheduleId',
  summary: 'Change a scan schedule: cron, time zone, or paused/resumed',
  description:
    'Changes only the fields given. `enabled: false` pauses the schedule without losing it (its BullMQ ' +
    'job scheduler is removed until it is enabled again). An invalid cron or time zone is a 400 naming ' +
    'body.cron or body.timezone, and changes nothing.',
  tags: ['schedules'],
  access: { scope: 'scans:write' },
  schema: {
    params: z.strictObject({ tenant: TenantRef, scheduleId: z.string().min(1).max(100) }),
    body: z
      .strictObject({
        cron: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe('5 fields (or 6 with seconds), e.g. "0 3 * * *"'),
        timezone: z.string().min(1).max(100).optional().describe('IANA time zone, e.g. Europe/Paris'),
        enabled: z.boolean().optional().describe('false pauses the schedule'),
      })
      .refine((body) => Object.keys(body).length > 0, 'name at least one of cron, timezone, enabled'),
    response: { 200: Schedule, ...commonErrorResponses },
  },
  example: { body: { enabled: false } },
  async handler(req, _reply, { deps, tenant }) {
    // The id names its tenant: another tenant's schedule id is simply not one of this tenant's.
    const { scheduleId } = req.params;
    if (scheduleId !== schedulerId(tenant.id)) throw new ApiError('not_found', `no schedule "${scheduleId}"`);
    const db = deps.db;
    // Check the merged cron and zone first, so a bad one is reported by field.
    const [current] = await listSchedules(db, tenant.id);
    if (!current) throw new ApiError('not_found', `no schedule "${scheduleId}"`);
    checkCron(req.body.cron ?? current.cron, req.body.timezone ?? current.timezone);
    const row = await updateSchedule(db, bullQueueOf(deps.queue), tenant.id, req.body);
    if (!row) throw new ApiError('not_found', `no schedule "${scheduleId}"`);
    return toApiSchedule(row);
  },
});
