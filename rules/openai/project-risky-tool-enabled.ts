import { type AiTool, aiToolApproved } from '../../scanner/policy.ts';
import { defineRule } from '../define-rule.ts';

/** Tools that reach outside the project: the web, arbitrary code, third-party MCP servers. */
const RISKY: AiTool[] = ['web_search', 'code_interpreter', 'mcp'];
/** These run code or hand data to other servers: high when unapproved. */
const HIGH: AiTool[] = ['code_interpreter', 'mcp'];

export default defineRule<'setting'>({
  id: 'openai/project-risky-tool-enabled',
  title: 'Projects enable only approved hosted tools',
  description:
    'Hosted tools let models act beyond the prompt: web search sends queries to the internet, code interpreter runs generated code, MCP connects to third-party servers that receive project data. An active project with such a tool on that the tenant policy does not approve widens what a prompt injection or a leaked key can do.',
  remediation:
    'Turn the tool off under Settings > (the project) > Limits / Tools in the OpenAI platform, or, if the project needs it, approve it for that project in the Periscope policy (approvedAiTools, scope openai:<project id>).',
  severity: 'medium',
  provider: 'openai',
  kind: 'setting',
  streams: ['projects'],
  references: [
    'https://platform.openai.com/docs/guides/tools',
    'https://platform.openai.com/docs/api-reference/projects',
  ],
  frameworks: { soc2: ['CC6.8', 'CC8.1'], iso27001: ['A.8.9', 'A.5.23'] },
  appliesTo: (asset) => asset.settingType === 'openai.project' && asset.values.status === 'active',
  evaluate(asset, ctx) {
    const tools = (asset.values.tools ?? {}) as Record<string, boolean>;
    const unapproved = RISKY.filter(
      (tool) => tools[tool] === true && !aiToolApproved(ctx.policy, 'openai', asset.externalId, tool),
    );
    if (unapproved.length === 0) return null;
    return {
      evidence: { project: asset.name, unapprovedTools: unapproved },
      severity: unapproved.some((tool) => HIGH.includes(tool)) ? 'high' : 'medium',
    };
  },
});
