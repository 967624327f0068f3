import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-external-sharing-without-warning.ts';
import { check, gwsPolicyOf } from '../support.ts';

const SALES = 'orgUnits/03ph8a2z3m1c9sa';

const policy = gwsPolicyOf('google-workspace.drive_and_docs.external_sharing');

describe(rule.id, () => {
  it('flags external sharing without the warning', () => {
    expect(
      check(rule, policy({ externalSharingMode: 'ALLOWED', warnForExternalSharing: false }, SALES))?.evidence,
    ).toEqual({ orgUnit: SALES, group: null, externalSharingMode: 'ALLOWED', warnForExternalSharing: false });
  });

  it('flags allowlisted sharing without the allowlisted-domain warning', () => {
    const asset = policy({
      externalSharingMode: 'ALLOWLISTED_DOMAINS',
      warnForExternalSharing: true,
      warnForSharingOutsideAllowlistedDomains: false,
    });
    expect(check(rule, asset)?.evidence).toMatchObject({ warnForSharingOutsideAllowlistedDomains: false });
  });

  it('flags an override that allows sharing but does not disclose the warning', () => {
    expect(check(rule, policy({ externalSharingMode: 'ALLOWED' }, SALES))?.evidence).toEqual({
      orgUnit: SALES,
      group: null,
      externalSharingMode: 'ALLOWED',
      warnForExternalSharing: null,
      undisclosed: ['warnForExternalSharing'],
    });
  });

  it('flags an override that turns the warning off under an inherited mode', () => {
    expect(check(rule, policy({ warnForExternalSharing: false }, SALES))?.evidence).toMatchObject({
      externalSharingMode: null,
      undisclosed: ['externalSharingMode'],
    });
  });

  it.each([
    [
      'sharing off, warning off',
      policy({ externalSharingMode: 'DISALLOWED', warnForExternalSharing: false }),
    ],
    [
      'external sharing with the warning',
      policy({ externalSharingMode: 'ALLOWED', warnForExternalSharing: true }),
    ],
    ['a root policy relying on the default warning', policy({ externalSharingMode: 'ALLOWED' })],
    [
      'allowlisted, warned, external warning off',
      policy({
        externalSharingMode: 'ALLOWLISTED_DOMAINS',
        warnForSharingOutsideAllowlistedDomains: true,
        warnForExternalSharing: false,
      }),
    ],
    ['an override touching neither', policy({ allowReceivingExternalFiles: true }, SALES)],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
