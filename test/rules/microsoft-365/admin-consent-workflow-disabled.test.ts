import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/admin-consent-workflow-disabled.ts';
import { check, m365Setting } from '../support.ts';

const requestPolicy = (isEnabled: unknown) =>
  m365Setting('admin_consent_request_policy', {
    isEnabled,
    notifyReviewers: true,
    remindersEnabled: true,
    requestDurationInDays: 30,
    reviewers: [],
  });

describe(rule.id, () => {
  it('flags a tenant with the admin consent workflow off', () => {
    expect(check(rule, requestPolicy(false))).toEqual({ evidence: { isEnabled: false } });
  });

  it.each([
    ['the workflow on', requestPolicy(true)],
    ['another setting type', m365Setting('authorization_policy', { isEnabled: false })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge an undisclosed value', () => {
    expect(rule.evidenceAvailable?.(requestPolicy(null))).toBe(false);
  });
});
