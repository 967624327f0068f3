import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/project-risky-tool-enabled.ts';
import { check, setting } from '../support.ts';

const off = {
  web_search: false,
  code_interpreter: false,
  mcp: false,
  file_search: false,
  image_generation: false,
};
const project = (tools: Record<string, boolean>, status = 'active') =>
  setting(
    'openai.project',
    { status, tools: { ...off, ...tools } },
    { provider: 'openai', externalId: 'proj_1', name: 'Production', scope: 'project' },
  );

describe(rule.id, () => {
  it('flags web search at medium and code interpreter or MCP at high', () => {
    expect(check(rule, project({ web_search: true }))).toEqual({
      evidence: { project: 'Production', unapprovedTools: ['web_search'] },
      severity: 'medium',
    });
    expect(check(rule, project({ web_search: true, mcp: true }))?.severity).toBe('high');
    expect(check(rule, project({ code_interpreter: true }))?.severity).toBe('high');
  });

  it.each([
    ['only file search and image generation', project({ file_search: true, image_generation: true })],
    ['an archived project', project({ mcp: true }, 'archived')],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('respects approvals for the project, the provider or everywhere', () => {
    const asset = project({ web_search: true, mcp: true });
    expect(
      check(rule, asset, { policy: { approvedAiTools: { 'openai:proj_1': ['web_search', 'mcp'] } } }),
    ).toBeNull();
    expect(check(rule, asset, { policy: { approvedAiTools: { openai: ['web_search'] } } })?.evidence).toEqual(
      {
        project: 'Production',
        unapprovedTools: ['mcp'],
      },
    );
    expect(check(rule, asset, { policy: { approvedAiTools: { '*': ['web_search', 'mcp'] } } })).toBeNull();
    expect(
      check(rule, asset, { policy: { approvedAiTools: { 'openai:proj_2': ['web_search', 'mcp'] } } }),
    ).not.toBeNull();
  });
});
