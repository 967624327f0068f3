import { z } from 'zod';
import { createTenant, findTenant } from '../../../db/tenants.ts';
import { ApiError, commonErrorResponses, ErrorBody } from '../../errors.ts';
import { defineRoute } from '../../route.ts';
import { Tenant, toApiTenant } from '../../schemas/tenant.ts';

export default defineRoute({
  id: 'postTenant',
  method: 'POST',
  url: '/v1/tenants',
  summary: 'Create a tenant',
  description: 'Needs an installation token with tenants:admin.',
  tags: ['tenants'],
  access: { scope: 'tenants:admin', installation: true },
  schema: {
    body: z.strictObject({
      slug: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes, at most 63')
        .refine((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(s), 'must not look like an id'),
      name: z.string().trim().min(1).max(200).optional().describe('display name; default: the slug'),
    }),
    response: { 201: Tenant, 409: ErrorBody, ...commonErrorResponses },
  },
  example: { body: { slug: 'globex', name: 'Globex Corporation' } },
  async handler(req, reply, { deps }) {
    if (await findTenant(deps.db, req.body.slug))
      throw new ApiError('conflict', `tenant "${req.body.slug}" already exists`);
    const row = await createTenant(deps.db, req.body.slug, req.body.name ?? req.body.slug);
    return reply.code(201).send(toApiTenant(row));
  },
});
