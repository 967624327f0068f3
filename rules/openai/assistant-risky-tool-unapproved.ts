import { aiToolApproved } from '../../scanner/policy.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule<'setting'>({
  id: 'openai/assistant-risky-tool-unapproved',
  title: 'Assistants use only approved hosted tools',
  description:
    'An assistant with code interpreter runs generated code over the files it is given. Where the tenant policy does not approve code interpreter for the project, such an assistant is unreviewed code execution on project data.',
  remediation:
    'Remove the code interpreter tool from the assistant (Assistants in the OpenAI platform, or the API), or approve it for the project in the Periscope policy (approvedAiTools, scope openai:<project id>).',
  severity: 'medium',
  provider: 'openai',
  kind: 'setting',
  streams: ['assistants'],
  references: ['https://platform.openai.com/docs/api-reference/assistants'],
  frameworks: { soc2: ['CC6.8'], iso27001: ['A.8.9'] },
  appliesTo: (asset) => asset.settingType === 'openai.assistant',
  evaluate(asset, ctx) {
    const hosted = Array.isArray(asset.values.hostedTools) ? (asset.values.hostedTools as string[]) : [];
    const projectId = String(asset.values.projectId ?? '');
    if (
      !hosted.includes('code_interpreter') ||
      aiToolApproved(ctx.policy, 'openai', projectId, 'code_interpreter')
    )
      return null;
    return {
      evidence: { projectId, model: asset.values.model ?? null, unapprovedTools: ['code_interpreter'] },
    };
  },
});
