import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/users-can-consent-to-apps.ts';
import { check, m365Setting } from '../support.ts';

const ownedResource = [
  'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-chat',
  'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team',
];
const authorizationPolicy = (permissionGrantPoliciesAssigned: unknown, extra: Record<string, unknown> = {}) =>
  m365Setting('authorization_policy', {
    allowedToCreateApps: false,
    permissionGrantPoliciesAssigned,
    ...extra,
  });

describe(rule.id, () => {
  it('flags the legacy policy (consent to any app) at high severity', () => {
    const asset = authorizationPolicy(
      [...ownedResource, 'ManagePermissionGrantsForSelf.microsoft-user-default-legacy'],
      { allowUserConsentForRiskyApps: false },
    );
    expect(check(rule, asset)).toEqual({
      evidence: {
        userConsentPolicies: ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy'],
        allowUserConsentForRiskyApps: false,
      },
    });
  });

  it('reads the policy ids case-insensitively, as the docs and tenants spell them differently', () => {
    const asset = authorizationPolicy(['managePermissionGrantsForSelf.microsoft-user-default-legacy']);
    expect(check(rule, asset)?.severity).toBeUndefined();
  });

  it.each([
    [
      'verified publishers, low-impact permissions',
      'ManagePermissionGrantsForSelf.microsoft-user-default-low',
    ],
    ['Microsoft-managed', 'ManagePermissionGrantsForSelf.microsoft-user-default-recommended'],
    ['a custom policy', 'ManagePermissionGrantsForSelf.contoso-approved-apps'],
  ])('flags self-consent through %s at medium severity', (_label, policy) => {
    expect(check(rule, authorizationPolicy([policy]))).toEqual({
      evidence: { userConsentPolicies: [policy], allowUserConsentForRiskyApps: null },
      severity: 'medium',
    });
  });

  it.each([
    ['user consent off (empty list)', authorizationPolicy([])],
    ['only group/team owner consent', authorizationPolicy(ownedResource)],
    [
      'another setting type',
      m365Setting('admin_consent_request_policy', {
        permissionGrantPoliciesAssigned: ['ManagePermissionGrantsForSelf.microsoft-user-default-legacy'],
      }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge a policy whose assigned grant policies are undisclosed', () => {
    expect(rule.evidenceAvailable?.(authorizationPolicy(null))).toBe(false);
    expect(rule.evidenceAvailable?.(authorizationPolicy([]))).toBe(true);
  });
});
