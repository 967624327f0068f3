import { describe, expect, it } from 'vitest';
import {
  isPrivilegedAppRole,
  isThirdParty,
  MICROSOFT_TENANT,
  normalizeCredentials,
  normalizeDelegatedGrant,
} from '../../../connectors/microsoft-365/normalize/apps.ts';
import { exposureOfItem } from '../../../connectors/microsoft-365/normalize/items.ts';
import { normalizeUser } from '../../../connectors/microsoft-365/normalize/users.ts';
import { parseAsset } from '../../../scanner/model.ts';

const domains = new Set(['contoso.com', 'contoso.onmicrosoft.com']);
const observedAt = '2026-11-01T00:00:00.000Z';
const TENANT = '11111111-2222-3333-4444-555555555555';

describe('microsoft-365 item exposure', () => {
  it.each([
    [
      'only the owner',
      [{ id: '1', roles: ['owner'], grantedToV2: { user: { email: 'ann@contoso.com' } } }],
      'private',
      null,
    ],
    [
      'the site members',
      [{ id: '2', roles: ['write'], grantedToV2: { siteGroup: { displayName: 'Members' } } }],
      'internal',
      'edit',
    ],
    [
      'a colleague',
      [{ id: '3', roles: ['read'], grantedToV2: { user: { email: 'bob@contoso.com' } } }],
      'internal',
      'view',
    ],
    [
      'an organization edit link',
      [{ id: '4', roles: ['write'], link: { scope: 'organization', type: 'edit' } }],
      'domain',
      'edit',
    ],
    [
      'a guest (#EXT#)',
      [
        {
          id: '5',
          roles: ['read'],
          grantedToV2: {
            siteUser: { loginName: 'i:0#.f|membership|judith_fabrikam.com#ext#@contoso.onmicrosoft.com' },
          },
        },
      ],
      'external',
      'view',
    ],
    [
      'an invitation outside',
      [{ id: '6', roles: ['write'], invitation: { email: 'v@vendor.example' } }],
      'external',
      'edit',
    ],
    [
      'an anonymous view link',
      [{ id: '7', roles: ['read'], link: { scope: 'anonymous', type: 'view' } }],
      'anyone_with_link',
      'view',
    ],
  ])('%s → %s', (_label, permissions, exposure, access) => {
    const result = exposureOfItem(permissions, domains);
    expect(result.exposure).toBe(exposure);
    expect(result.exposureAccess).toBe(access);
  });

  it('reads 0001-01-01 as no expiry, and a never-expiring anonymous link wins over an expiring one', () => {
    const expiring = {
      id: 'a',
      roles: ['write'],
      link: { scope: 'anonymous', type: 'edit' },
      expirationDateTime: '2026-12-31T00:00:00Z',
    };
    const forever = {
      id: 'b',
      roles: ['read'],
      link: { scope: 'anonymous', type: 'view' },
      expirationDateTime: '0001-01-01T00:00:00Z',
    };
    expect(exposureOfItem([expiring], domains)).toMatchObject({
      linkExpiresAt: '2026-12-31T00:00:00Z',
      exposureAccess: 'edit',
    });
    expect(exposureOfItem([expiring, forever], domains)).toMatchObject({
      linkExpiresAt: null,
      anonymousLinks: 2,
    });
  });

  it('lists external users with their domains', () => {
    const result = exposureOfItem(
      [
        {
          id: '4',
          roles: ['read'],
          link: { scope: 'users', type: 'view' },
          grantedToIdentitiesV2: [
            { user: { email: 'Judith@Fabrikam.com' } },
            { user: { email: 'eve@contoso.com' } },
          ],
        },
      ],
      domains,
    );
    expect(result).toMatchObject({ exposure: 'external', sharedWithDomains: ['fabrikam.com'] });
    expect(result.externalShares).toEqual([
      { email: 'judith@fabrikam.com', domain: 'fabrikam.com', role: 'read' },
    ]);
  });
});

describe('microsoft-365 identities, grants and credentials', () => {
  it('makes role holders admins, guests external, and keeps MFA unknown without a registration row', () => {
    const asset = parseAsset(
      normalizeUser(
        {
          id: 'u1',
          userPrincipalName: 'Guest_x.com#EXT#@contoso.onmicrosoft.com',
          userType: 'Guest',
          accountEnabled: true,
        },
        {
          observedAt,
          registration: new Map(),
          roles: new Map([['u1', ['Helpdesk Administrator', 'Global Administrator']]]),
          signInTracked: false,
        },
      ),
    );
    expect(asset).toMatchObject({
      identityType: 'guest',
      external: true,
      isAdmin: true,
      role: 'Global Administrator',
      mfaEnabled: null,
    });
    expect(asset.attributes).toMatchObject({
      privilegedRoles: ['Global Administrator', 'Helpdesk Administrator'],
      signInTracked: false,
    });
  });

  it('reads an AllPrincipals grant as tenant-wide and names the third-party client', () => {
    const client = {
      id: 'sp1',
      appId: 'app-1',
      displayName: 'Notetaker AI',
      appOwnerOrganizationId: '99999999-0000-0000-0000-000000000000',
      verifiedPublisher: { verifiedPublisherId: null },
    };
    const grant = parseAsset(
      normalizeDelegatedGrant(
        {
          id: 'g1',
          clientId: 'sp1',
          consentType: 'AllPrincipals',
          principalId: null,
          scope: ' Mail.Read  Files.Read.All ',
        },
        client,
        undefined,
        null,
        TENANT,
        observedAt,
      ),
    );
    expect(grant).toMatchObject({
      principalType: 'tenant',
      principal: null,
      appId: 'app-1',
      scopes: ['Mail.Read', 'Files.Read.All'],
    });
    expect(grant.attributes).toMatchObject({ thirdParty: true, publisherVerified: false });
    expect(isThirdParty({ id: 'x', appOwnerOrganizationId: MICROSOFT_TENANT }, TENANT)).toBe(false);
    expect(isThirdParty({ id: 'x', appOwnerOrganizationId: TENANT }, TENANT)).toBe(false);
  });

  it('keeps a secret’s hint and lifetime, never a value; flags credentials of privileged apps', () => {
    const [secret, cert] = normalizeCredentials(
      {
        id: 'a1',
        appId: 'app-1',
        displayName: 'ETL',
        passwordCredentials: [
          {
            keyId: 'k1',
            hint: 'Q~x',
            startDateTime: '2026-01-01T00:00:00Z',
            endDateTime: '2028-01-01T00:00:00Z',
          },
        ],
        keyCredentials: [
          { keyId: 'k2', startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2026-07-01T00:00:00Z' },
        ],
      },
      true,
      observedAt,
    ).map((a) => parseAsset(a));
    expect(secret).toMatchObject({
      kind: 'api_key',
      keyType: 'client_secret',
      hint: 'Q~x',
      usageTracked: false,
    });
    expect(secret?.attributes).toMatchObject({ lifetimeDays: 730, privileged: true });
    expect(cert).toMatchObject({ keyType: 'certificate', hint: null });
    expect(isPrivilegedAppRole('Mail.Read')).toBe(true);
    expect(isPrivilegedAppRole('User.Read.All')).toBe(false);
  });
});
