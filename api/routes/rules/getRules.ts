import { z } from 'zod';
import { AssetKind, Severity } from '../../../scanner/model.ts';
import { commonErrorResponses } from '../../errors.ts';
import { defineRoute } from '../../route.ts';
import { commaList } from '../../schemas/common.ts';
import { matchesFramework, Rule, toApiRule } from '../../schemas/rule.ts';

export default defineRoute({
  id: 'getRules',
  method: 'GET',
  url: '/v1/rules',
  summary: 'List the rule catalog',
  description: 'Every rule with its metadata and framework mappings. Needs any valid token.',
  tags: ['rules'],
  access: { scope: null },
  schema: {
    querystring: z.strictObject({
      provider: commaList(z.string().min(1).max(50)).optional().describe('providers, or common'),
      severity: commaList(Severity).optional(),
      kind: commaList(AssetKind).optional(),
      framework: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .describe('a framework id (soc2) or id:control (soc2:CC6.1)'),
    }),
    response: { 200: z.object({ items: z.array(Rule) }), ...commonErrorResponses },
  },
  example: { query: { provider: 'github', framework: 'soc2' } },
  async handler(req, _reply, { deps }) {
    const q = req.query;
    const items = deps.rules
      .filter(
        (r) =>
          (!q.provider || q.provider.includes(r.provider)) &&
          (!q.severity || q.severity.includes(r.severity)) &&
          (!q.kind || q.kind.includes(r.kind)) &&
          (!q.framework || matchesFramework(r, q.framework)),
      )
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(toApiRule);
    return { items };
  },
});
