import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/sharepoint-external-sharing-too-broad.ts';
import { check, m365Setting } from '../support.ts';

const sharepointSettings = (sharingCapability: unknown, extra: Record<string, unknown> = {}) =>
  m365Setting('sharepoint_settings', {
    sharingCapability,
    sharingDomainRestrictionMode: 'none',
    sharingAllowedDomainList: [],
    sharingBlockedDomainList: [],
    isResharingByExternalUsersEnabled: false,
    ...extra,
  });

describe(rule.id, () => {
  it('flags Anyone links at high severity', () => {
    expect(check(rule, sharepointSettings('externalUserAndGuestSharing'))).toEqual({
      evidence: {
        sharingCapability: 'externalUserAndGuestSharing',
        setting: 'Anyone',
        sharingDomainRestrictionMode: 'none',
        sharingAllowedDomainList: [],
      },
      severity: 'high',
    });
  });

  it('flags new and existing guests at the rule severity', () => {
    expect(check(rule, sharepointSettings('externalUserSharingOnly'))).toEqual({
      evidence: {
        sharingCapability: 'externalUserSharingOnly',
        setting: 'New and existing guests',
        sharingDomainRestrictionMode: 'none',
        sharingAllowedDomainList: [],
      },
    });
  });

  it('lowers new guests limited to allowlisted partner domains to low', () => {
    const asset = sharepointSettings('externalUserSharingOnly', {
      sharingDomainRestrictionMode: 'allowList',
      sharingAllowedDomainList: ['fabrikam.example'],
    });
    expect(check(rule, asset)?.severity).toBe('low');
  });

  it('keeps Anyone links high even with a domain allowlist (links need no account)', () => {
    const asset = sharepointSettings('externalUserAndGuestSharing', {
      sharingDomainRestrictionMode: 'allowList',
      sharingAllowedDomainList: ['fabrikam.example'],
    });
    expect(check(rule, asset)?.severity).toBe('high');
  });

  it('reads SPO spellings and enum numbers too', () => {
    expect(check(rule, sharepointSettings('ExternalUserAndGuestSharing'))?.severity).toBe('high');
    expect(check(rule, sharepointSettings(1))?.evidence.sharingCapability).toBe('externalUserSharingOnly');
  });

  it.each([
    ['existing guests only', sharepointSettings('existingExternalUserSharingOnly')],
    ['only people in the organization', sharepointSettings('disabled')],
    [
      'another setting type',
      m365Setting('sharepoint_tenant', { sharingCapability: 'externalUserAndGuestSharing' }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge a missing or unrecognised sharing level', () => {
    expect(rule.evidenceAvailable?.(sharepointSettings(null))).toBe(false);
    expect(rule.evidenceAvailable?.(sharepointSettings('somethingNew'))).toBe(false);
  });
});
