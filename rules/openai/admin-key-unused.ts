import { defineRule } from '../define-rule.ts';
import { unusedKeyEvidence } from '../unused-key.ts';

interface Options extends Record<string, unknown> {
  /** Days without use before an admin key is stale; default: the tenant policy's staleDays. */
  staleDays?: number;
}

export default defineRule<'api_key', Options>({
  id: 'openai/admin-key-unused',
  title: 'Admin API keys are in use',
  description:
    'An admin key can read and change the whole organization: users, projects, keys and audit logs. One that nobody has used for the stale period (or ever) is forgotten access that still works if it leaks.',
  remediation:
    'Delete the key in the OpenAI platform under Settings > Organization > Admin keys; create a new one when it is needed again.',
  severity: 'medium',
  provider: 'openai',
  kind: 'api_key',
  streams: ['admin-keys'],
  references: [
    'https://platform.openai.com/docs/api-reference/admin-api-keys',
    'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety',
  ],
  frameworks: { soc2: ['CC6.2'], iso27001: ['A.5.18'] },
  appliesTo: (asset) => asset.keyType === 'openai_admin_key',
  evaluate(asset, ctx) {
    if (asset.expiresAt && new Date(asset.expiresAt) <= ctx.now) return null; // expired keys do nothing
    const staleDays = ctx.options.staleDays ?? ctx.policy.staleDays;
    const unused = unusedKeyEvidence(asset, staleDays, ctx.now);
    return unused && { evidence: { hint: asset.hint, owner: asset.owner, ...unused } };
  },
});
