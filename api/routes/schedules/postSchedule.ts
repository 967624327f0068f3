import { listSchedules, setSchedule } from '../../../scanner/queue/schedules.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { bullQueueOf, checkCron, Schedule, ScheduleInput, toApiSchedule } from '../../schemas/schedule.ts';

export default defineTenantRoute({
  id: 'postSchedule',
  method: 'POST',
  url: '/v1/tenants/:tenant/schedules',
  summary: 'Schedule scans of every connection on a cron',
  description:
    'Sets the tenant’s schedule (201), or replaces it when there is one (200): a tenant has one. With ' +
    'Redis it becomes a BullMQ job scheduler; without, the in-process scheduler of `periscope serve` or ' +
    '`periscope worker` runs it.',
  tags: ['schedules'],
  access: { scope: 'scans:write' },
  schema: {
    params: TenantParams,
    body: ScheduleInput,
    response: { 200: Schedule, 201: Schedule, ...commonErrorResponses },
  },
  example: { body: { cron: '0 3 * * *', timezone: 'Europe/Paris' } },
  async handler(req, reply, { deps, tenant }) {
    const { cron, timezone } = req.body;
    checkCron(cron, timezone);
    const existed = (await listSchedules(deps.db, tenant.id)).length > 0;
    const row = await setSchedule(deps.db, bullQueueOf(deps.queue), tenant.id, cron, timezone);
    return reply.code(existed ? 200 : 201).send(toApiSchedule(row));
  },
});
