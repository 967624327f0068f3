import { PolicyPatch, updatePolicy } from '../../../db/policy.ts';
import { TenantPolicy } from '../../../scanner/policy.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';

export default defineTenantRoute({
  id: 'patchPolicy',
  method: 'PATCH',
  url: '/v1/tenants/:tenant/policy',
  summary: "Change the tenant's policy",
  description:
    'A patch: scalar and list fields replace; keyed maps (appApprovals, severityOverrides, ruleOptions, ' +
    'approvedAiTools) merge key by key and a null value removes the key. Applies from the next scan.',
  tags: ['policy'],
  access: { scope: 'policy:write' },
  schema: {
    params: TenantParams,
    body: PolicyPatch,
    response: { 200: TenantPolicy, ...commonErrorResponses },
  },
  example: { body: { staleDays: 60, severityOverrides: { 'github/org-too-many-owners': 'high' } } },
  async handler(req, _reply, { deps, tenant }) {
    return updatePolicy(deps.db, tenant.id, req.body);
  },
});
