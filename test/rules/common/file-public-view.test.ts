import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/file-public-view.ts';
import { check, file, fileSharingEvidence } from '../support.ts';

const policy = { allowedDomains: ['partner.example'] };

describe(rule.id, () => {
  it.each([
    ['a public file anyone can read', file({ exposure: 'public', exposureAccess: 'view' })],
    [
      'an anyone-with-the-link file whose access is unknown',
      file({ exposure: 'anyone_with_link', exposureAccess: null }),
    ],
  ])('flags %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toEqual({ evidence: fileSharingEvidence(asset) });
  });

  it.each([
    ['editable (the edit rule)', file({ exposure: 'anyone_with_link', exposureAccess: 'edit' })],
    ['shared with the domain', file({ exposure: 'domain', exposureAccess: 'view' })],
    ['internal', file({ exposure: 'internal', exposureAccess: 'view' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toBeNull();
  });
});
