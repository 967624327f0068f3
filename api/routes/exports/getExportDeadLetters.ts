import { z } from 'zod';
import { getSink, listDeadLetters } from '../../../db/export-sinks.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { SinkParams } from '../../schemas/export.ts';

const DeadLetter = z
  .object({
    eventId: z.number().int(),
    code: z.string(),
    reason: z.string(),
    createdAt: z.string(),
    replayedAt: z.string().nullable(),
  })
  .meta({ id: 'ExportDeadLetter' });

export default defineTenantRoute({
  id: 'getExportDeadLetters',
  method: 'GET',
  url: '/v1/tenants/:tenant/exports/:sink/dead-letters',
  summary: 'Events the sink refused for good, with the reason (oldest first, at most 1,000)',
  tags: ['exports'],
  access: { scope: 'findings:read' },
  schema: {
    params: SinkParams,
    querystring: z.strictObject({
      pending: z.enum(['true', 'false']).default('true').describe('only letters not replayed yet'),
    }),
    response: { 200: z.object({ items: z.array(DeadLetter) }), ...commonErrorResponses },
  },
  async handler(req, _reply, { deps, tenant }) {
    const sink = await getSink(deps.db, tenant.id, req.params.sink);
    const letters = await listDeadLetters(deps.db, sink, { pendingOnly: req.query.pending === 'true' });
    return {
      items: letters.map((l) => ({
        eventId: l.eventId,
        code: l.code,
        reason: l.reason,
        createdAt: l.createdAt.toISOString(),
        replayedAt: l.replayedAt ? l.replayedAt.toISOString() : null,
      })),
    };
  },
});
