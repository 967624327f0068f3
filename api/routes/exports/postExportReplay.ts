import { z } from 'zod';
import { getSinkStatus, replaySink } from '../../../siem/export-admin.ts';
import { commonErrorResponses } from '../../errors.ts';
import { exportDepsOf } from '../../export-deps.ts';
import { defineTenantRoute } from '../../route.ts';
import { ExportSink, SinkParams, toApiSink } from '../../schemas/export.ts';

export default defineTenantRoute({
  id: 'postExportReplay',
  method: 'POST',
  url: '/v1/tenants/:tenant/exports/:sink/replay',
  summary: 'Send dead-lettered events again, or rewind to an outbox event',
  description:
    'Without `fromEventId`: sends the sink’s dead letters again now (oldest first) and reactivates it. With ' +
    '`fromEventId`: rewinds the cursor so every event from that id on is sent again (same event ids). ' +
    'Either way the worker delivers what follows.',
  tags: ['exports'],
  access: { scope: 'exports:write' },
  schema: {
    params: SinkParams,
    body: z.strictObject({ fromEventId: z.number().int().min(1).optional() }),
    response: {
      200: z.object({ replayed: z.number().int(), stillRefused: z.number().int(), sink: ExportSink }),
      ...commonErrorResponses,
    },
  },
  example: { body: {} },
  async handler(req, _reply, { deps, tenant }) {
    const exportDeps = exportDepsOf(deps);
    const result = await replaySink(exportDeps, tenant.id, req.params.sink, {
      fromEventId: req.body.fromEventId,
      drain: { maxEvents: 0 },
    });
    const sink = await getSinkStatus(exportDeps, tenant.id, req.params.sink);
    return { replayed: result.replayed, stillRefused: result.stillRefused, sink: toApiSink(sink) };
  },
});
