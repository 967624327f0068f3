import { defineRule } from '../define-rule.ts';
import { unusedKeyEvidence } from '../unused-key.ts';

interface Options extends Record<string, unknown> {
  /** Days without use before a project key is stale; default: the tenant policy's staleDays. */
  staleDays?: number;
}

export default defineRule<'api_key', Options>({
  id: 'openai/project-key-unused',
  title: 'Project API keys are in use',
  description:
    'A project key (a user or service-account key) calls models and reads the project files, vector stores and assistants. One that nobody has used for the stale period (or ever) is forgotten access that still works, and bills, if it leaks.',
  remediation:
    'Revoke the key in the OpenAI platform under Settings > (the project) > API keys, after checking with its owner that nothing still depends on it.',
  severity: 'medium',
  provider: 'openai',
  kind: 'api_key',
  streams: ['project-keys'],
  references: [
    'https://platform.openai.com/docs/api-reference/project-api-keys',
    'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety',
  ],
  frameworks: { soc2: ['CC6.2'], iso27001: ['A.5.18'] },
  appliesTo: (asset) => asset.keyType === 'openai_project_key',
  evaluate(asset, ctx) {
    const staleDays = ctx.options.staleDays ?? ctx.policy.staleDays;
    const unused = unusedKeyEvidence(asset, staleDays, ctx.now);
    return (
      unused && {
        evidence: { hint: asset.hint, owner: asset.owner, projectId: asset.attributes.projectId, ...unused },
      }
    );
  },
});
