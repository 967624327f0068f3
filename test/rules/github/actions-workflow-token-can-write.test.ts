import { describe, expect, it } from 'vitest';
import rule from '../../../rules/github/actions-workflow-token-can-write.ts';
import { check, setting } from '../support.ts';

const actions = (values: Record<string, unknown>) =>
  setting('github.actions', values, { externalId: 'actions:acme' });

describe(rule.id, () => {
  it.each([
    ['write token', { defaultWorkflowPermissions: 'write', canApprovePullRequestReviews: false }],
    ['can approve PRs', { defaultWorkflowPermissions: 'read', canApprovePullRequestReviews: true }],
    ['both', { defaultWorkflowPermissions: 'write', canApprovePullRequestReviews: true }],
    ['write, approval unknown', { defaultWorkflowPermissions: 'write', canApprovePullRequestReviews: null }],
  ])('flags %s', (_label, values) => {
    expect(check(rule, actions(values))).toEqual({ evidence: values });
  });

  it.each([
    ['read-only, no approvals', { defaultWorkflowPermissions: 'read', canApprovePullRequestReviews: false }],
    ['unknown', { defaultWorkflowPermissions: null, canApprovePullRequestReviews: null }],
  ])('does not flag %s', (_label, values) => {
    expect(check(rule, actions(values))).toBeNull();
  });
});
