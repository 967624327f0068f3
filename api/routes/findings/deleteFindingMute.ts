import { unmuteFinding } from '../../../db/findings.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Finding, FindingParams, toApiFinding } from '../../schemas/finding.ts';

export default defineTenantRoute({
  id: 'deleteFindingMute',
  method: 'DELETE',
  url: '/v1/tenants/:tenant/findings/:findingId/mute',
  summary: 'Unmute a finding',
  tags: ['findings'],
  access: { scope: 'findings:write' },
  schema: { params: FindingParams, response: { 200: Finding, ...commonErrorResponses } },
  async handler(req, _reply, { deps, tenant, actor }) {
    return toApiFinding(await unmuteFinding(deps.db, tenant.id, req.params.findingId, actor));
  },
});
