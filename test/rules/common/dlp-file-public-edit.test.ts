import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/dlp-file-public-edit.ts';
import { check, dlpMatch, file } from '../support.ts';

describe(rule.id, () => {
  it('flags a matched file anyone with the link can edit, with counts and hints but no values', () => {
    const asset = file({
      provider: 'google-workspace',
      exposure: 'anyone_with_link',
      exposureAccess: 'edit',
      dlp: dlpMatch(['pii', 'financial']),
    });
    expect(check(rule, asset)).toEqual({
      evidence: {
        profiles: ['pii', 'financial'],
        detectors: [{ id: 'email-address', count: 3, hint: 'a***@example.com' }],
        exposure: 'anyone_with_link',
        access: 'edit',
        sharedWithDomains: [],
        owner: 'alice@acme.example',
      },
    });
    expect(
      check(rule, file({ exposure: 'public', exposureAccess: 'edit', dlp: dlpMatch(['pii']) })),
    ).not.toBeNull();
  });

  it('counts only the profiles the tenant has on', () => {
    const asset = file({ exposure: 'public', exposureAccess: 'edit', dlp: dlpMatch(['pii', 'phi']) });
    expect(check(rule, asset, { policy: { dlpProfiles: ['phi'] } })?.evidence.profiles).toEqual(['phi']);
    expect(check(rule, asset, { policy: { dlpProfiles: ['financial'] } })).toBeNull();
  });

  it.each([
    ['view only', file({ exposure: 'public', exposureAccess: 'view', dlp: dlpMatch(['pii']) })],
    ['unknown access (the view rule takes it)', file({ exposure: 'public', dlp: dlpMatch(['pii']) })],
    ['external edit', file({ exposure: 'external', exposureAccess: 'edit', dlp: dlpMatch(['pii']) })],
    ['clean', file({ exposure: 'public', exposureAccess: 'edit', dlp: { status: 'clean' } })],
    ['not inspected', file({ exposure: 'public', exposureAccess: 'edit' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset)).toBeNull();
  });
});
