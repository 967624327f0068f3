import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/users-can-register-apps.ts';
import { check, m365Setting } from '../support.ts';

const authorizationPolicy = (allowedToCreateApps: unknown) =>
  m365Setting('authorization_policy', { allowedToCreateApps, permissionGrantPoliciesAssigned: [] });

describe(rule.id, () => {
  it('flags a tenant where users can register applications', () => {
    expect(check(rule, authorizationPolicy(true))).toEqual({ evidence: { allowedToCreateApps: true } });
  });

  it.each([
    ['only admins register apps', authorizationPolicy(false)],
    ['another setting type', m365Setting('admin_consent_request_policy', { allowedToCreateApps: true })],
  ])('does not flag: %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge an undisclosed value', () => {
    expect(rule.evidenceAvailable?.(authorizationPolicy(null))).toBe(false);
    expect(rule.evidenceAvailable?.(m365Setting('authorization_policy', {}))).toBe(false);
    expect(rule.evidenceAvailable?.(authorizationPolicy(false))).toBe(true);
  });
});
