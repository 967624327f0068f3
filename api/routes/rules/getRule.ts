import { z } from 'zod';
import { ApiError, commonErrorResponses } from '../../errors.ts';
import { defineRoute } from '../../route.ts';
import { Rule, toApiRule } from '../../schemas/rule.ts';

const Segment = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'lowercase letters, digits and dashes');

export default defineRoute({
  id: 'getRule',
  method: 'GET',
  url: '/v1/rules/:folder/:name',
  summary: 'Get one rule',
  description: 'A rule id is `<folder>/<name>`, e.g. `github/org-two-factor-not-required`.',
  tags: ['rules'],
  access: { scope: null },
  schema: {
    params: z.strictObject({ folder: Segment, name: Segment }),
    response: { 200: Rule, ...commonErrorResponses },
  },
  async handler(req, _reply, { deps }) {
    const id = `${req.params.folder}/${req.params.name}`;
    const rule = deps.rules.find((r) => r.id === id);
    if (!rule) throw new ApiError('not_found', `no rule ${id}`);
    return toApiRule(rule);
  },
});
