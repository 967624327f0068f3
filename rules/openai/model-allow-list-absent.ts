import { defineRule } from '../define-rule.ts';

export default defineRule<'setting'>({
  id: 'openai/model-allow-list-absent',
  title: 'Projects restrict models to an allow-list',
  description:
    'The tenant policy requires each project to name the models it may call. Without an allow-list a project (and every key in it) can call any model, including new, costly or not yet reviewed ones.',
  remediation:
    'Under Settings > (the project) > Limits > Model usage in the OpenAI platform, choose "Allow" and list the approved models.',
  severity: 'medium',
  provider: 'openai',
  kind: 'setting',
  streams: ['projects'],
  references: ['https://platform.openai.com/docs/api-reference/projects'],
  frameworks: { soc2: ['CC6.8'], iso27001: ['A.8.9', 'A.5.23'] },
  appliesTo: (asset) => asset.settingType === 'openai.project' && asset.values.status === 'active',
  evaluate(asset, ctx) {
    if (!ctx.policy.requireModelAllowList) return null;
    const permissions = asset.values.modelPermissions as { mode?: string; modelIds?: string[] } | null;
    if (permissions?.mode === 'allow_list') return null;
    return {
      evidence: {
        project: asset.name,
        mode: permissions?.mode ?? null,
        modelIds: permissions?.modelIds ?? [],
      },
    };
  },
});
