import { describe, expect, it } from 'vitest';
import rule from '../../../rules/openai/model-allow-list-absent.ts';
import { check, setting } from '../support.ts';

const required = { policy: { requireModelAllowList: true } };
const project = (modelPermissions: unknown, status = 'active') =>
  setting(
    'openai.project',
    { status, modelPermissions },
    { provider: 'openai', name: 'Sandbox', scope: 'project' },
  );

describe(rule.id, () => {
  it('flags a deny-list or no configuration when the policy requires an allow-list', () => {
    expect(check(rule, project({ mode: 'deny_list', modelIds: ['o1-pro'] }), required)?.evidence).toEqual({
      project: 'Sandbox',
      mode: 'deny_list',
      modelIds: ['o1-pro'],
    });
    expect(check(rule, project(null), required)?.evidence).toMatchObject({ mode: null });
  });

  it.each([
    ['an allow-list', project({ mode: 'allow_list', modelIds: ['gpt-4o'] })],
    ['an archived project', project(null, 'archived')],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset, required)).toBeNull();
  });

  it('is silent unless the policy requires an allow-list', () => {
    expect(check(rule, project(null))).toBeNull();
  });
});
