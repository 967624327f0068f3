import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days after which a key should have been replaced; default: the tenant policy's rotationDays. */
  rotationDays?: number;
}

export default defineRule<'api_key', Options>({
  id: 'anthropic/key-not-rotated',
  title: 'Active Anthropic API keys are rotated',
  description:
    'The longer a key lives, the more places it has been copied to (CI secrets, laptops, logs). Keys older than the rotation period should be replaced by a new key and retired.',
  remediation:
    'Create a replacement key in the Claude Console (Settings > API keys) in the same workspace, move its users to it, then disable the old key.',
  severity: 'medium',
  provider: 'anthropic',
  kind: 'api_key',
  streams: ['api-keys'],
  references: ['https://platform.claude.com/docs/en/api/admin/api_keys/list'],
  frameworks: { soc2: ['CC6.1'], iso27001: ['A.5.17'] },
  appliesTo: (asset) => asset.keyType === 'anthropic_api_key' && asset.attributes.status === 'active',
  evaluate(asset, ctx) {
    const rotationDays = ctx.options.rotationDays ?? ctx.policy.rotationDays;
    if (!asset.createdAt) return null;
    const ageDays = Math.floor(daysBetween(asset.createdAt, ctx.now));
    if (ageDays <= rotationDays) return null;
    return {
      evidence: {
        createdAt: asset.createdAt,
        ageDays,
        rotationDays,
        workspaceId: asset.attributes.workspaceId ?? null,
        hint: asset.hint,
      },
    };
  },
});
