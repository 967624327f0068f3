import { z } from 'zod';
import { backfillSink, getSinkStatus } from '../../../siem/export-admin.ts';
import { commonErrorResponses } from '../../errors.ts';
import { exportDepsOf } from '../../export-deps.ts';
import { defineTenantRoute } from '../../route.ts';
import { Instant } from '../../schemas/common.ts';
import { ExportSink, SinkParams, toApiSink } from '../../schemas/export.ts';

export default defineTenantRoute({
  id: 'postExportBackfill',
  method: 'POST',
  url: '/v1/tenants/:tenant/exports/:sink/backfill',
  summary: 'Send every event since a date again',
  description:
    'Rewinds the sink to the first outbox event at or after `since`; the worker re-sends from there (same event ids).',
  tags: ['exports'],
  access: { scope: 'exports:write' },
  schema: {
    params: SinkParams,
    body: z.strictObject({ since: Instant }),
    response: { 200: z.object({ fromEventId: z.number().int(), sink: ExportSink }), ...commonErrorResponses },
  },
  example: { body: { since: '2026-01-01' } },
  async handler(req, _reply, { deps, tenant }) {
    const exportDeps = exportDepsOf(deps);
    const result = await backfillSink(exportDeps, tenant.id, req.params.sink, req.body.since, {
      maxEvents: 0,
    });
    const sink = await getSinkStatus(exportDeps, tenant.id, req.params.sink);
    return { fromEventId: result.from, sink: toApiSink(sink) };
  },
});
