import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/file-public-edit.ts';
import { check, file, fileSharingEvidence } from '../support.ts';

const policy = { allowedDomains: ['partner.example'] };

describe(rule.id, () => {
  it.each([
    [
      'a public file anyone can edit',
      file({ provider: 'google-workspace', exposure: 'public', exposureAccess: 'edit' }),
    ],
    [
      'an anyone-with-the-link file anyone can edit',
      file({ provider: 'microsoft-365', exposure: 'anyone_with_link', exposureAccess: 'edit' }),
    ],
  ])('flags %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toEqual({ evidence: fileSharingEvidence(asset) });
  });

  it.each([
    ['view only (the view rule)', file({ exposure: 'anyone_with_link', exposureAccess: 'view' })],
    ['access unknown, read as view', file({ exposure: 'public', exposureAccess: null })],
    [
      'editable externally, not publicly',
      file({ exposure: 'external', exposureAccess: 'edit', sharedWithDomains: ['other.example'] }),
    ],
    ['private', file({ exposure: 'private', exposureAccess: 'edit' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toBeNull();
  });
});
