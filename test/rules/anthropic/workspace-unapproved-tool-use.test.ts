import { describe, expect, it } from 'vitest';
import rule from '../../../rules/anthropic/workspace-unapproved-tool-use.ts';
import { check } from '../support.ts';
import { anthropicToolUsage } from './helpers.ts';

describe(rule.id, () => {
  it('flags tools used without approval', () => {
    expect(
      check(rule, anthropicToolUsage('wrkspc_01r', ['web_search', 'code_interpreter']))?.evidence,
    ).toMatchObject({
      workspaceId: 'wrkspc_01r',
      unapprovedTools: ['web_search', 'code_interpreter'],
    });
  });

  it('does not flag a workspace that used no tools', () => {
    expect(check(rule, anthropicToolUsage('wrkspc_01r', []))).toBeNull();
  });

  it.each([
    ['everywhere', { '*': ['web_search' as const] }],
    ['for the provider', { anthropic: ['web_search' as const] }],
    ['for the workspace', { 'anthropic:wrkspc_01r': ['web_search' as const] }],
  ])('honours approval %s', (_label, approvedAiTools) => {
    expect(
      check(rule, anthropicToolUsage('wrkspc_01r', ['web_search']), { policy: { approvedAiTools } }),
    ).toBeNull();
  });

  it('approval for another workspace does not count', () => {
    const policy = { approvedAiTools: { 'anthropic:wrkspc_01other': ['web_search' as const] } };
    expect(check(rule, anthropicToolUsage('wrkspc_01r', ['web_search']), { policy })).not.toBeNull();
  });
});
