import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days a project key may live; default: the tenant policy's rotationDays. */
  rotationDays?: number;
}

export default defineRule<'api_key', Options>({
  id: 'openai/project-key-not-rotated',
  title: 'Project API keys are rotated',
  description:
    'Project keys never expire. One older than the rotation period has had a long time to spread into code, CI variables and notebooks; each copy can call models and read project data until the key is replaced.',
  remediation:
    'Create a new key under Settings > (the project) > API keys, switch the application to it, then revoke the old key.',
  severity: 'high',
  provider: 'openai',
  kind: 'api_key',
  streams: ['project-keys'],
  references: [
    'https://platform.openai.com/docs/api-reference/project-api-keys',
    'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety',
  ],
  frameworks: { soc2: ['CC6.1'], iso27001: ['A.5.17'] },
  appliesTo: (asset) => asset.keyType === 'openai_project_key',
  evaluate(asset, ctx) {
    if (!asset.createdAt) return null;
    const rotationDays = ctx.options.rotationDays ?? ctx.policy.rotationDays;
    if (daysBetween(asset.createdAt, ctx.now) <= rotationDays) return null;
    return {
      evidence: {
        hint: asset.hint,
        owner: asset.owner,
        projectId: asset.attributes.projectId,
        createdAt: asset.createdAt,
        ageDays: Math.floor(daysBetween(asset.createdAt, ctx.now)),
        rotationDays,
      },
    };
  },
});
