import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days an admin key may live; default: the tenant policy's rotationDays. */
  rotationDays?: number;
}

export default defineRule<'api_key', Options>({
  id: 'openai/admin-key-not-rotated',
  title: 'Admin API keys are rotated',
  description:
    'An admin key older than the rotation period has had a long time to be copied into scripts, CI variables and laptops. Every copy keeps full control of the organization until the key is replaced.',
  remediation:
    'Create a new admin key under Settings > Organization > Admin keys, move the integrations that use the old one to it, then delete the old key.',
  severity: 'high',
  provider: 'openai',
  kind: 'api_key',
  streams: ['admin-keys'],
  references: [
    'https://platform.openai.com/docs/api-reference/admin-api-keys',
    'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety',
  ],
  frameworks: { soc2: ['CC6.1'], iso27001: ['A.5.17'] },
  appliesTo: (asset) => asset.keyType === 'openai_admin_key',
  evaluate(asset, ctx) {
    if (!asset.createdAt) return null;
    const rotationDays = ctx.options.rotationDays ?? ctx.policy.rotationDays;
    const ageDays = Math.floor(daysBetween(asset.createdAt, ctx.now));
    if (daysBetween(asset.createdAt, ctx.now) <= rotationDays) return null;
    return {
      evidence: { hint: asset.hint, owner: asset.owner, createdAt: asset.createdAt, ageDays, rotationDays },
    };
  },
});
