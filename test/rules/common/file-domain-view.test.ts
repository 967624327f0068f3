import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/file-domain-view.ts';
import { check, file, fileSharingEvidence } from '../support.ts';

const policy = { allowedDomains: ['partner.example'] };

describe(rule.id, () => {
  it.each([
    ['a file the whole organization can read', file({ exposure: 'domain', exposureAccess: 'view' })],
    ['a domain file whose access is unknown', file({ exposure: 'domain', exposureAccess: null })],
  ])('flags %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toEqual({ evidence: fileSharingEvidence(asset) });
  });

  it.each([
    ['editable (the edit rule)', file({ exposure: 'domain', exposureAccess: 'edit' })],
    ['shared with named colleagues', file({ exposure: 'internal', exposureAccess: 'view' })],
    ['private', file({ exposure: 'private' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toBeNull();
  });
});
