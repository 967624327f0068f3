import { clearSeverityOverride } from '../../../db/finding-severity.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Finding, FindingParams, toApiFinding } from '../../schemas/finding.ts';

export default defineTenantRoute({
  id: 'deleteFindingSeverity',
  method: 'DELETE',
  url: '/v1/tenants/:tenant/findings/:findingId/severity',
  summary: 'Clear a severity override',
  description: "The finding takes back the rules' severity.",
  tags: ['findings'],
  access: { scope: 'findings:write' },
  schema: { params: FindingParams, response: { 200: Finding, ...commonErrorResponses } },
  async handler(req, _reply, { deps, tenant, actor }) {
    return toApiFinding(await clearSeverityOverride(deps.db, tenant.id, req.params.findingId, actor));
  },
});
