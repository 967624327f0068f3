import { z } from 'zod';
import { overrideSeverity } from '../../../db/finding-severity.ts';
import { Severity } from '../../../scanner/model.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { Finding, FindingParams, toApiFinding } from '../../schemas/finding.ts';

export default defineTenantRoute({
  id: 'putFindingSeverity',
  method: 'PUT',
  url: '/v1/tenants/:tenant/findings/:findingId/severity',
  summary: "Override a finding's severity",
  description: "Scans keep the override; the rules' own severity stays visible as severityOverride.computed.",
  tags: ['findings'],
  access: { scope: 'findings:write' },
  schema: {
    params: FindingParams,
    body: z.strictObject({
      severity: Severity,
      reason: z.string().trim().min(1).max(1000).describe('why; kept with the override and its event'),
    }),
    response: { 200: Finding, ...commonErrorResponses },
  },
  example: { body: { severity: 'low', reason: 'compensating control: network isolation' } },
  async handler(req, _reply, { deps, tenant, actor }) {
    const row = await overrideSeverity(deps.db, tenant.id, req.params.findingId, { ...req.body, actor });
    return toApiFinding(row);
  },
});
