import { z } from 'zod';
import { listTenants } from '../../../db/tenants.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineRoute } from '../../route.ts';
import { Tenant, toApiTenant } from '../../schemas/tenant.ts';

export default defineRoute({
  id: 'getTenants',
  method: 'GET',
  url: '/v1/tenants',
  summary: 'List tenants',
  description: 'Needs an installation token with tenants:admin.',
  tags: ['tenants'],
  access: { scope: 'tenants:admin', installation: true },
  schema: { response: { 200: z.object({ items: z.array(Tenant) }), ...commonErrorResponses } },
  async handler(_req, _reply, { deps }) {
    return { items: (await listTenants(deps.db)).map(toApiTenant) };
  },
});
