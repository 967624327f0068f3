import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/actions-all-actions-allowed.ts';
import { check, setting } from '../support.ts';

const actions = (values: Record<string, unknown>) =>
  setting('github.actions', values, { externalId: 'actions:acme' });

describe(rule.id, () => {
  it.each(['all', 'selected'])('flags all actions allowed with %s repositories enabled', (enabled) => {
    expect(check(rule, actions({ allowedActions: 'all', enabledRepositories: enabled }))).toEqual({
      evidence: { allowedActions: 'all', enabledRepositories: enabled },
    });
  });

  it.each([
    ['local only', { allowedActions: 'local_only', enabledRepositories: 'all' }],
    ['allow-list', { allowedActions: 'selected', enabledRepositories: 'all' }],
    ['actions disabled', { allowedActions: 'all', enabledRepositories: 'none' }],
    ['unknown', { allowedActions: null, enabledRepositories: null }],
  ])('does not flag %s', (_label, values) => {
    expect(check(rule, actions(values))).toBeNull();
  });
});
