import { defineRule } from '../define-rule.ts';

const ZERO_RETENTION = new Set(['zero_data_retention', 'enhanced_zero_data_retention']);

export default defineRule<'setting'>({
  id: 'openai/zero-data-retention-off',
  title: 'Organization and projects run with zero data retention',
  description:
    'The tenant policy requires zero data retention. Without it OpenAI keeps prompts and outputs for abuse monitoring (up to 30 days) and stored objects until deleted. A project set to "organization default" inherits the organization setting.',
  remediation:
    'Ask OpenAI to enable zero data retention for the organization, then set each project to it (or to the organization default) under Settings > Data controls > Data retention.',
  severity: 'medium',
  provider: 'openai',
  kind: 'setting',
  streams: ['projects', 'organization'],
  references: [
    'https://platform.openai.com/docs/guides/your-data',
    'https://platform.openai.com/docs/api-reference/projects',
  ],
  frameworks: { soc2: ['C1.1', 'CC6.7'], iso27001: ['A.5.34', 'A.8.10'] },
  appliesTo: (asset) =>
    asset.settingType === 'openai.organization' ||
    (asset.settingType === 'openai.project' && asset.values.status === 'active'),
  evaluate(asset, ctx) {
    if (!ctx.policy.requireZeroDataRetention) return null;
    const org = asset.settingType === 'openai.organization';
    const retention = org ? asset.values.dataRetention : asset.values.effectiveDataRetention;
    if (typeof retention !== 'string' || ZERO_RETENTION.has(retention)) return null;
    return {
      evidence: org
        ? { organizationRetention: retention }
        : {
            project: asset.name,
            projectRetention: asset.values.dataRetention ?? null,
            effectiveRetention: retention,
          },
    };
  },
});
