import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/sharepoint-anyone-link-expiry.ts';
import { check, m365Setting } from '../support.ts';

const tenant = (sharingCapability: unknown, requireAnonymousLinksExpireInDays: unknown) =>
  m365Setting('sharepoint_tenant', {
    sharingCapability,
    defaultSharingLinkType: 'direct',
    defaultLinkPermission: 'view',
    requireAnonymousLinksExpireInDays,
  });

describe(rule.id, () => {
  it('flags Anyone links that never expire', () => {
    expect(check(rule, tenant('externalUserAndGuestSharing', -1))).toEqual({
      evidence: {
        sharingCapability: 'externalUserAndGuestSharing',
        requireAnonymousLinksExpireInDays: -1,
        expires: false,
        maxDays: 30,
      },
    });
  });

  it('flags Anyone links that expire after more than 30 days', () => {
    expect(check(rule, tenant('externalUserAndGuestSharing', 90))?.evidence).toMatchObject({
      requireAnonymousLinksExpireInDays: 90,
      expires: true,
    });
  });

  it('takes the limit from the rule option', () => {
    expect(
      check(rule, tenant('externalUserAndGuestSharing', 30), { options: { maxDays: 14 } }),
    ).not.toBeNull();
  });

  it.each([
    ['Anyone links expiring in 30 days', tenant('externalUserAndGuestSharing', 30)],
    ['Anyone links expiring in 1 day', tenant('externalUserAndGuestSharing', 1)],
    ['Anyone links expiring (SPO enum number)', tenant(2, 7)],
    ['no Anyone links (new and existing guests)', tenant('externalUserSharingOnly', -1)],
    ['no external sharing', tenant('disabled', 0)],
    [
      'another setting type',
      m365Setting('sharepoint_settings', { sharingCapability: 'externalUserAndGuestSharing' }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('judges the expiry only when it is disclosed where Anyone links are allowed', () => {
    expect(rule.evidenceAvailable?.(tenant('externalUserAndGuestSharing', null))).toBe(false);
    expect(rule.evidenceAvailable?.(tenant(null, 30))).toBe(false);
    expect(rule.evidenceAvailable?.(tenant('existingExternalUserSharingOnly', null))).toBe(true);
  });
});
