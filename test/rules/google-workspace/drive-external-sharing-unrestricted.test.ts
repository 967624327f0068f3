import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/drive-external-sharing-unrestricted.ts';
import { check, gwsPolicyOf, GWS_ROOT as ROOT, setting } from '../support.ts';

const SALES = 'orgUnits/03ph8a2z3m1c9sa';

const policy = gwsPolicyOf('google-workspace.drive_and_docs.external_sharing');

describe(rule.id, () => {
  it('flags sharing with anyone outside the organization, naming the OU', () => {
    expect(check(rule, policy({ externalSharingMode: 'ALLOWED' }, SALES))).toEqual({
      evidence: { orgUnit: SALES, group: null, externalSharingMode: 'ALLOWED' },
    });
  });

  it('treats a root policy without the mode as Google’s default (ALLOWED) and says so', () => {
    expect(check(rule, policy({ allowPublishingFiles: false }))?.evidence).toEqual({
      orgUnit: ROOT,
      group: null,
      externalSharingMode: 'ALLOWED',
      defaulted: ['externalSharingMode'],
    });
  });

  it.each([
    ['sharing off', policy({ externalSharingMode: 'DISALLOWED' })],
    ['allowlisted domains', policy({ externalSharingMode: 'ALLOWLISTED_DOMAINS' })],
    ['an override that inherits the mode', policy({ allowReceivingExternalFiles: false }, SALES)],
    [
      'another setting type',
      setting('google-workspace.drive_and_docs.drive_sdk', { externalSharingMode: 'ALLOWED' }),
    ],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });

  it('reports allowlisted domains at low severity when the option asks for sharing off', () => {
    const asset = policy({ externalSharingMode: 'ALLOWLISTED_DOMAINS' });
    expect(check(rule, asset, { options: { allowlistedDomainsCompliant: false } })).toMatchObject({
      severity: 'low',
      evidence: { externalSharingMode: 'ALLOWLISTED_DOMAINS' },
    });
  });
});
