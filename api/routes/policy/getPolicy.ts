import { getPolicy } from '../../../db/policy.ts';
import { TenantPolicy } from '../../../scanner/policy.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';

export default defineTenantRoute({
  id: 'getPolicy',
  method: 'GET',
  url: '/v1/tenants/:tenant/policy',
  summary: "Get the tenant's policy",
  description: 'Every field, with defaults filled in.',
  tags: ['policy'],
  access: { scope: 'findings:read' },
  schema: { params: TenantParams, response: { 200: TenantPolicy, ...commonErrorResponses } },
  async handler(_req, _reply, { deps, tenant }) {
    return getPolicy(deps.db, tenant.id);
  },
});
