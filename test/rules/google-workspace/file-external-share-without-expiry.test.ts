import { describe, expect, it } from 'vitest';
import rule from '../../../rules/google-workspace/file-external-share-without-expiry.ts';
import { check, file } from '../support.ts';

function driveFile(externalShares: unknown[]) {
  return file({
    provider: 'google-workspace',
    exposure: 'external',
    exposureAccess: 'view',
    attributes: { driveId: null, driveName: null, externalShares },
  });
}

const policy = { allowedDomains: ['partner.example'] };

describe(rule.id, () => {
  it('flags external user and group shares without an expiry', () => {
    const asset = driveFile([
      { email: 'eve@other.example', domain: 'other.example', type: 'user', role: 'writer', expiresAt: null },
      {
        email: 'team@other.example',
        domain: 'other.example',
        type: 'group',
        role: 'reader',
        expiresAt: null,
      },
      {
        email: 'tmp@other.example',
        domain: 'other.example',
        type: 'user',
        role: 'reader',
        expiresAt: '2026-10-01T00:00:00.000Z',
      },
    ]);
    expect(check(rule, asset, { policy })).toEqual({
      evidence: {
        shares: [
          { email: 'eve@other.example', domain: 'other.example', type: 'user', role: 'writer' },
          { email: 'team@other.example', domain: 'other.example', type: 'group', role: 'reader' },
        ],
        owner: 'alice@acme.example',
        exposure: 'external',
      },
    });
  });

  it.each([
    [
      'every external share expires',
      driveFile([
        {
          email: 'a@other.example',
          domain: 'other.example',
          type: 'user',
          role: 'reader',
          expiresAt: '2026-10-01T00:00:00.000Z',
        },
      ]),
    ],
    [
      'the share is to an allowed partner domain',
      driveFile([
        {
          email: 'b@Partner.Example',
          domain: 'Partner.Example',
          type: 'user',
          role: 'writer',
          expiresAt: null,
        },
      ]),
    ],
    [
      'the share is a domain permission (no per-person expiry)',
      driveFile([{ email: null, domain: 'other.example', type: 'domain', role: 'reader', expiresAt: null }]),
    ],
    ['there are no external shares', driveFile([])],
    ['externalShares is malformed', driveFile([null, 'x', { type: 'user' }])],
  ])('does not flag when %s', (_label, asset) => {
    expect(check(rule, asset, { policy })).toBeNull();
  });
});
