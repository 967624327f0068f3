import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/sharepoint-default-link-not-specific-people.ts';
import { check, m365Setting } from '../support.ts';

const tenant = (defaultSharingLinkType: unknown) =>
  m365Setting('sharepoint_tenant', {
    sharingCapability: 'externalUserSharingOnly',
    defaultSharingLinkType,
    defaultLinkPermission: 'view',
    requireAnonymousLinksExpireInDays: -1,
  });

describe(rule.id, () => {
  it.each([
    ['anonymousAccess', 'high'],
    ['internal', 'low'],
  ])('flags a %s default link at %s severity', (linkType, severity) => {
    expect(check(rule, tenant(linkType))).toEqual({
      evidence: { defaultSharingLinkType: linkType },
      severity,
    });
  });

  it('flags an unset default (none) at the rule severity', () => {
    expect(check(rule, tenant('none'))).toEqual({ evidence: { defaultSharingLinkType: 'none' } });
  });

  it.each([
    ['specific people', tenant('direct')],
    ['another setting type', m365Setting('sharepoint_settings', { defaultSharingLinkType: 'internal' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge an undisclosed default', () => {
    expect(rule.evidenceAvailable?.(tenant(null))).toBe(false);
  });
});
