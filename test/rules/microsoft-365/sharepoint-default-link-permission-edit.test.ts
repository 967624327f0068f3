import { describe, expect, it } from 'vitest';
import rule from '../../../rules/microsoft-365/sharepoint-default-link-permission-edit.ts';
import { check, m365Setting } from '../support.ts';

const tenant = (defaultLinkPermission: unknown) =>
  m365Setting('sharepoint_tenant', {
    sharingCapability: 'externalUserSharingOnly',
    defaultSharingLinkType: 'direct',
    defaultLinkPermission,
    requireAnonymousLinksExpireInDays: -1,
  });

describe(rule.id, () => {
  it('flags links that grant edit by default', () => {
    expect(check(rule, tenant('edit'))).toEqual({ evidence: { defaultLinkPermission: 'edit' } });
  });

  it.each([
    ['view by default', tenant('view')],
    ['another setting type', m365Setting('sharepoint_settings', { defaultLinkPermission: 'edit' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('does not judge an undisclosed default', () => {
    expect(rule.evidenceAvailable?.(tenant(null))).toBe(false);
  });
});
