import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { TenantParams } from '../../schemas/common.ts';
import { Tenant, toApiTenant } from '../../schemas/tenant.ts';

export default defineTenantRoute({
  id: 'getTenant',
  method: 'GET',
  url: '/v1/tenants/:tenant',
  summary: 'Get a tenant',
  description: 'Needs an installation token with tenants:admin.',
  tags: ['tenants'],
  access: { scope: 'tenants:admin', installation: true },
  schema: { params: TenantParams, response: { 200: Tenant, ...commonErrorResponses } },
  async handler(_req, _reply, { tenant }) {
    return toApiTenant(tenant);
  },
});
