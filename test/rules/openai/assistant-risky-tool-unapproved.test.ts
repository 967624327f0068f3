import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/assistant-risky-tool-unapproved.ts';
import { check, setting } from '../support.ts';

const assistant = (hostedTools: string[]) =>
  setting(
    'openai.assistant',
    { projectId: 'proj_1', model: 'gpt-4o', hostedTools, tools: hostedTools },
    { provider: 'openai', scope: 'project' },
  );

describe(rule.id, () => {
  it('flags code interpreter the policy does not approve for the project', () => {
    expect(check(rule, assistant(['code_interpreter', 'file_search']))?.evidence).toEqual({
      projectId: 'proj_1',
      model: 'gpt-4o',
      unapprovedTools: ['code_interpreter'],
    });
  });

  it.each([
    ['file search only', assistant(['file_search']), {}],
    [
      'approved for the project',
      assistant(['code_interpreter']),
      { 'openai:proj_1': ['code_interpreter' as const] },
    ],
    ['approved for openai', assistant(['code_interpreter']), { openai: ['code_interpreter' as const] }],
  ])('does not flag %s', (_label, asset, approvedAiTools) => {
    expect(check(rule, asset, { policy: { approvedAiTools } })).toBeNull();
  });
});
