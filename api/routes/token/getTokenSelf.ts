import { z } from 'zod';
import { getTenantById } from '../../../db/tenants.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineRoute } from '../../route.ts';
import { Tenant, toApiTenant } from '../../schemas/tenant.ts';
import { Scope } from '../../tokens/scopes.ts';

export default defineRoute({
  id: 'getTokenSelf',
  method: 'GET',
  url: '/v1/token',
  summary: 'The calling token: its tenant and scopes',
  description:
    'What the presented token may reach, so a client (the dashboard) knows its tenant and which ' +
    'actions to offer. The token itself is never returned. Needs any valid token.',
  tags: ['tokens'],
  access: { scope: null },
  schema: {
    response: {
      200: z.object({
        id: z.string(),
        name: z.string(),
        tenant: Tenant.nullable().describe('the bound tenant; null for an installation token'),
        scopes: z.array(Scope),
      }),
      ...commonErrorResponses,
    },
  },
  async handler(_req, _reply, { deps, token }) {
    const self = token!;
    const tenant = self.tenantId ? toApiTenant(await getTenantById(deps.db, self.tenantId)) : null;
    return { id: self.id, name: self.name, tenant, scopes: self.scopes };
  },
});
