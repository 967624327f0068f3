import { z } from 'zod';
import { listAiInventory } from '../../../db/ai-inventory.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineTenantRoute } from '../../route.ts';
import { AiApp, toApiAiApp } from '../../schemas/ai-app.ts';
import { TenantParams } from '../../schemas/common.ts';

export default defineTenantRoute({
  id: 'getAiApps',
  method: 'GET',
  url: '/v1/tenants/:tenant/ai-apps',
  summary: 'The AI apps found in the tenant',
  description:
    'One row per AI-catalog app across every connection: who granted it, how broadly, its riskiest ' +
    'scopes and the tenant’s approval status (as `periscope ai-apps`).',
  tags: ['ai-apps'],
  access: { scope: 'findings:read' },
  schema: {
    params: TenantParams,
    querystring: z.strictObject({
      sampleUsers: z.coerce.number().int().min(0).max(50).default(3).describe('users listed per app'),
    }),
    response: { 200: z.object({ items: z.array(AiApp) }), ...commonErrorResponses },
  },
  async handler(req, _reply, { deps, tenant }) {
    const rows = await listAiInventory(deps.db, tenant.id, { sampleUsers: req.query.sampleUsers });
    return { items: rows.map(toApiAiApp) };
  },
});
