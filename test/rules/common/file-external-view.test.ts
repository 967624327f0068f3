import { describe, expect, it } from 'vitest';
import rule from '../../../rules/common/file-external-view.ts';
import { check, file, fileSharingEvidence } from '../support.ts';

const policy = { allowedDomains: ['partner.example'] };

describe(rule.id, () => {
  it.each([
    [
      'a file external people can read',
      file({ exposure: 'external', exposureAccess: 'view', sharedWithDomains: ['other.example'] }),
    ],
    [
      'an external file whose access is unknown',
      file({ exposure: 'external', exposureAccess: null, sharedWithDomains: ['other.example'] }),
    ],
  ])('flags %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toEqual({ evidence: fileSharingEvidence(asset) });
  });

  it('reports exposure, access, domains, owner and link expiry', () => {
    const asset = file({
      provider: 'google-workspace',
      owner: 'bob@acme.example',
      exposure: 'external',
      exposureAccess: 'view',
      sharedWithDomains: ['other.example', 'partner.example'],
      linkExpiresAt: '2026-12-31T00:00:00.000Z',
    });
    expect(check(rule, asset, { policy })?.evidence).toEqual({
      exposure: 'external',
      access: 'view',
      sharedWithDomains: ['other.example', 'partner.example'],
      owner: 'bob@acme.example',
      linkExpiresAt: '2026-12-31T00:00:00.000Z',
    });
  });

  it.each([
    [
      'shared only with allowed domains',
      file({ exposure: 'external', exposureAccess: 'view', sharedWithDomains: ['partner.example'] }),
    ],
    [
      'editable (the edit rule)',
      file({ exposure: 'external', exposureAccess: 'edit', sharedWithDomains: ['other.example'] }),
    ],
    ['internal', file({ exposure: 'internal', exposureAccess: 'view' })],
  ])('does not flag %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toBeNull();
  });
});
