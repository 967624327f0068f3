import { z } from 'zod';
import { muteFinding } from '../../../db/findings.ts';
import { commonErrorResponses, fieldError } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Instant } from '../../schemas/common.ts';
import { Finding, FindingParams, toApiFinding } from '../../schemas/finding.ts';

export default defineTenantRoute({
  id: 'putFindingMute',
  method: 'PUT',
  url: '/v1/tenants/:tenant/findings/:findingId/mute',
  summary: 'Mute a finding',
  description:
    'A muted finding stays muted across scans until `until` (if given). Muting again replaces the mute.',
  tags: ['findings'],
  access: { scope: 'findings:write' },
  schema: {
    params: FindingParams,
    body: z.strictObject({
      reason: z.string().trim().min(1).max(1000).describe('why; kept with the finding and its event'),
      until: Instant.nullable().optional().describe('when the mute expires; absent or null = never'),
    }),
    response: { 200: Finding, ...commonErrorResponses },
  },
  example: { body: { reason: 'accepted: legacy bot', until: '2099-06-30' } },
  async handler(req, _reply, { deps, tenant, actor }) {
    const now = new Date();
    if (req.body.until && req.body.until <= now) throw fieldError('body.until', 'must be in the future');
    const row = await muteFinding(deps.db, tenant.id, req.params.findingId, {
      reason: req.body.reason,
      until: req.body.until ?? null,
      actor,
      now,
    });
    return toApiFinding(row);
  },
});
