import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-non-google-invites-allowed.ts';
import { check, gwsPolicyOf, GWS_ROOT as ROOT } from '../support.ts';

const CONTRACTORS = 'orgUnits/03ph8a2z4c7tr0q';

const policy = gwsPolicyOf('google-workspace.drive_and_docs.external_sharing');

describe(rule.id, () => {
  it('flags external sharing with non-Google invites', () => {
    expect(
      check(rule, policy({ externalSharingMode: 'ALLOWED', allowNonGoogleInvites: true }, CONTRACTORS)),
    ).toEqual({
      evidence: {
        orgUnit: CONTRACTORS,
        group: null,
        externalSharingMode: 'ALLOWED',
        allowNonGoogleInvites: true,
      },
    });
  });

  it('flags allowlisted sharing with non-Google invites in allowlisted domains', () => {
    const asset = policy({
      externalSharingMode: 'ALLOWLISTED_DOMAINS',
      allowNonGoogleInvitesInAllowlistedDomains: true,
    });
    expect(check(rule, asset)?.evidence).toMatchObject({ allowNonGoogleInvitesInAllowlistedDomains: true });
  });

  it('falls back to Google’s defaults on a root policy (external sharing on, invites allowed)', () => {
    expect(check(rule, policy({}))?.evidence).toEqual({
      orgUnit: ROOT,
      group: null,
      externalSharingMode: 'ALLOWED',
      allowNonGoogleInvites: true,
      defaulted: ['externalSharingMode', 'allowNonGoogleInvites'],
    });
  });

  it('reports an override whose invite setting is not disclosed at low severity', () => {
    expect(check(rule, policy({ externalSharingMode: 'ALLOWED' }, CONTRACTORS))).toMatchObject({
      severity: 'low',
      evidence: { allowNonGoogleInvites: null, undisclosed: ['allowNonGoogleInvites'] },
    });
  });

  it.each([
    ['sharing off', policy({ externalSharingMode: 'DISALLOWED', allowNonGoogleInvites: true })],
    [
      'external sharing, invites off',
      policy({ externalSharingMode: 'ALLOWED', allowNonGoogleInvites: false }),
    ],
    ['allowlisted with the default (off)', policy({ externalSharingMode: 'ALLOWLISTED_DOMAINS' })],
    ['an override with invites off', policy({ allowNonGoogleInvites: false }, CONTRACTORS)],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
