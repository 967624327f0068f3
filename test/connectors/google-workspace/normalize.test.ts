import { describe, expect, it } from 'vitest';
import { exposureOf, normalizeFile } from '../../../connectors/google-workspace/normalize/files.ts';
import { normalizeGrant } from '../../../connectors/google-workspace/normalize/tokens.ts';
import { normalizeUser } from '../../../connectors/google-workspace/normalize/users.ts';
import { parseAsset } from '../../../scanner/model.ts';

const internal = new Set(['acme.example', 'acme-labs.example']);
const observedAt = '2026-11-01T00:00:00.000Z';
const owner = { type: 'user', role: 'owner', emailAddress: 'ana@acme.example' };

describe('google-workspace file exposure', () => {
  it.each([
    ['only the owner', [owner], 'private', null],
    [
      'a colleague reads',
      [owner, { type: 'user', role: 'reader', emailAddress: 'ben@acme.example' }],
      'internal',
      'view',
    ],
    [
      'a secondary-domain group edits',
      [{ type: 'group', role: 'writer', emailAddress: 'eng@acme-labs.example' }],
      'internal',
      'edit',
    ],
    [
      'the domain can comment',
      [{ type: 'domain', role: 'commenter', domain: 'acme.example' }],
      'domain',
      'view',
    ],
    ['a partner domain', [{ type: 'domain', role: 'reader', domain: 'partner.example' }], 'external', 'view'],
    [
      'an outside user edits',
      [{ type: 'user', role: 'writer', emailAddress: 'v@vendor.example' }],
      'external',
      'edit',
    ],
    [
      'anyone with the link',
      [{ type: 'anyone', role: 'reader', allowFileDiscovery: false }],
      'anyone_with_link',
      'view',
    ],
    [
      'public on the web, editable',
      [{ type: 'anyone', role: 'writer', allowFileDiscovery: true }],
      'public',
      'edit',
    ],
    [
      'a deleted outside permission',
      [{ type: 'user', role: 'writer', emailAddress: 'v@vendor.example', deleted: true }],
      'private',
      null,
    ],
  ])('%s → %s', (_label, permissions, exposure, access) => {
    const result = exposureOf(permissions, internal);
    expect(result.exposure).toBe(exposure);
    expect(result.exposureAccess).toBe(access);
  });

  it('the widest audience wins; its access is edit if any permission at that level edits', () => {
    const result = exposureOf(
      [
        { type: 'user', role: 'writer', emailAddress: 'ben@acme.example' },
        {
          type: 'user',
          role: 'reader',
          emailAddress: 'x@vendor.example',
          expirationTime: '2027-01-01T00:00:00.000Z',
        },
        { type: 'user', role: 'writer', emailAddress: 'y@GMAIL.com' },
        { type: 'domain', role: 'reader', domain: 'partner.example' },
      ],
      internal,
    );
    expect(result).toMatchObject({
      exposure: 'external',
      exposureAccess: 'edit',
      sharedWithDomains: ['gmail.com', 'partner.example', 'vendor.example'],
      linkExpiresAt: '2027-01-01T00:00:00.000Z',
    });
    expect(result.externalShares).toEqual([
      {
        email: 'x@vendor.example',
        domain: 'vendor.example',
        type: 'user',
        role: 'reader',
        expiresAt: '2027-01-01T00:00:00.000Z',
      },
      { email: 'y@gmail.com', domain: 'gmail.com', type: 'user', role: 'writer', expiresAt: null },
      { email: null, domain: 'partner.example', type: 'domain', role: 'reader', expiresAt: null },
    ]);
  });

  it('normalizes a shared-drive item without owner and with the drive named', () => {
    const asset = parseAsset(
      normalizeFile(
        {
          id: 'f1',
          name: 'Budget',
          mimeType: 'application/vnd.google-apps.spreadsheet',
          driveId: 'd1',
          modifiedTime: observedAt,
        },
        [{ type: 'user', role: 'organizer', emailAddress: 'ana@acme.example' }],
        { internalDomains: internal, observedAt, driveName: 'Finance' },
      ),
    );
    expect(asset).toMatchObject({
      kind: 'file',
      owner: null,
      exposure: 'internal',
      exposureAccess: 'edit',
      sizeBytes: null,
    });
    expect(asset.attributes).toMatchObject({ driveId: 'd1', driveName: 'Finance' });
  });
});

describe('google-workspace identities and grants', () => {
  it('reads the 1970 last login as never signed in, and both admin kinds as admins', () => {
    const asset = parseAsset(
      normalizeUser(
        {
          id: '1',
          primaryEmail: 'New@acme.example',
          isAdmin: false,
          isDelegatedAdmin: true,
          isEnrolledIn2Sv: false,
          lastLoginTime: '1970-01-01T00:00:00.000Z',
          creationTime: '2026-01-01T00:00:00.000Z',
        },
        observedAt,
      ),
    );
    expect(asset).toMatchObject({
      kind: 'identity',
      email: 'new@acme.example',
      isAdmin: true,
      role: 'delegated_admin',
      mfaEnabled: false,
      lastLoginAt: null,
    });
    expect(asset.attributes).toMatchObject({ neverLoggedIn: true, delegatedAdmin: true, superAdmin: false });
  });

  it('leaves 2SV unknown when the directory did not say', () => {
    expect(parseAsset(normalizeUser({ id: '2', primaryEmail: 'a@acme.example' }, observedAt))).toMatchObject({
      mfaEnabled: null,
    });
  });

  it('keys a grant by user and client, and carries the user’s suspension', () => {
    const grant = parseAsset(
      normalizeGrant(
        { id: '9', primaryEmail: 'ana@acme.example', suspended: true },
        {
          clientId: 'c.apps.googleusercontent.com',
          displayText: 'ChatGPT',
          scopes: ['openid'],
          nativeApp: false,
        },
        { firstSeenAt: '2026-01-01T00:00:00.000Z', lastUsedAt: null },
        observedAt,
      ),
    );
    expect(grant).toMatchObject({
      externalId: '9:c.apps.googleusercontent.com',
      appName: 'ChatGPT',
      principal: 'ana@acme.example',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(grant.attributes).toMatchObject({ principalSuspended: true, anonymous: false });
  });
});
