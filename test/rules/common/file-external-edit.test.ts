import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/file-external-edit.ts';
import { check, file, fileSharingEvidence } from '../support.ts';

const policy = { allowedDomains: ['partner.example'] };

describe(rule.id, () => {
  it.each([
    [
      'a file external people can edit',
      file({ exposure: 'external', exposureAccess: 'edit', sharedWithDomains: ['other.example'] }),
    ],
    [
      'a file shared with an allowed and an unknown domain',
      file({
        exposure: 'external',
        exposureAccess: 'edit',
        sharedWithDomains: ['other.example', 'partner.example'],
      }),
    ],
    ['an external file whose domains are unknown', file({ exposure: 'external', exposureAccess: 'edit' })],
  ])('flags %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toEqual({ evidence: fileSharingEvidence(asset) });
  });

  it.each([
    [
      'shared only with allowed domains (any case)',
      file({ exposure: 'external', exposureAccess: 'edit', sharedWithDomains: ['Partner.Example'] }),
    ],
    [
      'view only (the view rule)',
      file({ exposure: 'external', exposureAccess: 'view', sharedWithDomains: ['other.example'] }),
    ],
    ['public (the public rule)', file({ exposure: 'public', exposureAccess: 'edit' })],
    ['editable by the domain', file({ exposure: 'domain', exposureAccess: 'edit' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toBeNull();
  });
});
