import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AI_APP_IDS,
  APP_ROLE_POOL,
  applicationScopes,
  fileBytes,
  findMicrosoftViolations,
  GUEST_PERSONAS,
  generateMicrosoftTenant,
  isHighRisk,
  isPrivilegedAppRole,
  isThirdParty,
  itemExposure,
  itemIndexOf,
  MEMBER_PERSONAS,
  type MicrosoftPlanted,
  type MicrosoftSimulator,
  type MicrosoftTenant,
  microsoftAssetKey,
  microsoftOracleRuleIds,
  PREMIUM_RULES,
  SPO_TENANT_RULES,
  startMicrosoftSimulator,
} from '../../sandbox/index.ts';
import { aiCatalog } from '../../scanner/ai-catalog/index.ts';
import { createDlpScanner, inspectContent } from '../../scanner/dlp/index.ts';
import { highestScopeRisk } from '../../scanner/scope-risk/index.ts';

const now = new Date('2026-11-01T00:00:00Z');
const keyOf = (p: MicrosoftPlanted) => `${p.ruleId} ${p.assetKey}`;
const dlp = createDlpScanner();
const engine = (text: string) => dlp.scanText(text).status === 'matched';

function check(tenant: MicrosoftTenant, options: Parameters<typeof findMicrosoftViolations>[2] = {}) {
  const found = findMicrosoftViolations(tenant, now, options);
  const keys = new Set(found.map(keyOf));
  return {
    found,
    keys,
    missing: tenant.planted.violations.filter((p) => !keys.has(keyOf(p))).map(keyOf),
    leaked: tenant.planted.clean.filter((p) => keys.has(keyOf(p))).map(keyOf),
  };
}

const itemOf = (tenant: MicrosoftTenant, key: string) => {
  const ref = tenant.planted.items[key] as { itemId: string };
  return tenant.items.get(itemIndexOf(tenant.items, ref.itemId) as number)!;
};

describe('Microsoft planted violations and oracle', () => {
  it('plants every oracle rule in the default tenant; the oracle finds them and no look-alike', () => {
    const tenant = generateMicrosoftTenant({ seed: 1, now });
    const { found, keys, missing, leaked } = check(tenant);
    expect(new Set(tenant.planted.violations.map((p) => p.ruleId))).toEqual(new Set(microsoftOracleRuleIds));
    expect(missing).toEqual([]);
    expect(leaked).toEqual([]);
    expect(keys.size).toBe(found.length);
    expect(tenant.planted.clean.length).toBeGreaterThan(60);
    expect(Object.keys(tenant.planted.users)).toEqual(
      [...MEMBER_PERSONAS, ...GUEST_PERSONAS].map((p) => p.key),
    );
  });

  it('holds for other seeds and sizes, skipping what does not fit', () => {
    const sizes = [
      { users: 20, itemsPerDrive: 4 },
      { users: 400, itemsPerDrive: 25, sites: 5, grantsPerUser: 2 },
      { users: 5, itemsPerDrive: 2, sites: 0 },
    ];
    for (const seed of [2, 3, 4]) {
      for (const size of sizes) {
        const tenant = generateMicrosoftTenant({ seed, now, size });
        const { missing, leaked } = check(tenant);
        expect({ seed, size, missing, leaked }).toEqual({ seed, size, missing: [], leaked: [] });
      }
    }
    const tiny = generateMicrosoftTenant({ seed: 2, now, size: { users: 5, itemsPerDrive: 2, sites: 0 } });
    expect(Object.keys(tiny.planted.users)).toEqual(MEMBER_PERSONAS.slice(0, 4).map((p) => p.key));
    expect(tiny.planted.items).toEqual({});
    expect(tiny.users).toHaveLength(5);
  });

  it('is deterministic and leaves the random background as it was', () => {
    const a = generateMicrosoftTenant({ seed: 6, now });
    const b = generateMicrosoftTenant({ seed: 6, now });
    expect(b.planted).toEqual(a.planted);
    expect(findMicrosoftViolations(b, now)).toEqual(findMicrosoftViolations(a, now));
    const bare = generateMicrosoftTenant({ seed: 6, now, plant: false });
    expect(bare.planted.violations).toEqual([]);
    expect(bare.tenantId).toBe(a.tenantId);
    expect(bare.users).toHaveLength(a.users.length);
    expect(bare.items.size).toBe(a.items.size);
    const personaEnd = 1 + MEMBER_PERSONAS.length + GUEST_PERSONAS.length;
    expect(a.users.slice(personaEnd)).toEqual(bare.users.slice(personaEnd));
    expect(a.users.map((u) => [u.id, u.userType])).toEqual(bare.users.map((u) => [u.id, u.userType]));
    // Items of background users are as generated (shares with personas name their new UPNs).
    const plantedIds = new Set(Object.values(a.planted.items).map((i) => i.itemId));
    let compared = 0;
    for (let i = 0; i < a.items.size; i += 7) {
      const item = a.items.get(i);
      const owner = a.drives[item?.drive ?? -1]?.owner ?? -1;
      const touchesPersona = owner >= 0 && owner < personaEnd;
      const sharedWithPersona = item?.permissions.some((p) => p.user !== undefined && p.user < personaEnd);
      if (!item || plantedIds.has(item.id) || touchesPersona || sharedWithPersona) continue;
      expect(item).toEqual(bare.items.get(i));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(50);
    // The background's own apps and grants are untouched; planting only appends.
    const backgroundSps = bare.servicePrincipals.length - 1;
    expect(a.servicePrincipals.slice(0, backgroundSps).map((s) => s.id)).toEqual(
      bare.servicePrincipals.slice(0, backgroundSps).map((s) => s.id),
    );
  });

  it('gates MFA and sign-in rules on a premium tenant, and SPO.Tenant rules on reading it', () => {
    const basic = generateMicrosoftTenant({ seed: 1, now, premium: false });
    const { found, missing, leaked } = check(basic);
    expect(missing).toEqual([]);
    expect(leaked).toEqual([]);
    expect(found.some((p) => PREMIUM_RULES.includes(p.ruleId))).toBe(false);
    expect(basic.planted.violations.some((p) => PREMIUM_RULES.includes(p.ruleId))).toBe(false);
    expect(found.some((p) => p.ruleId === 'microsoft-365/guest-with-privileged-role')).toBe(true);

    const tenant = generateMicrosoftTenant({ seed: 1, now });
    const withoutSpo = findMicrosoftViolations(tenant, now, { sharepointTenant: false });
    expect(withoutSpo.some((p) => SPO_TENANT_RULES.includes(p.ruleId))).toBe(false);
    expect(withoutSpo.some((p) => p.ruleId === 'microsoft-365/sharepoint-external-sharing-too-broad')).toBe(
      true,
    );
  });

  it('agrees with the real DLP engine on planted content, read from the downloaded bytes', async () => {
    const tenant = generateMicrosoftTenant({ seed: 1, now });
    const sensitive = [
      'dlpCardPublicEdit',
      'dlpAwsPublicView',
      'dlpKeyExternalEdit',
      'dlpCardExternalView',
      'dlpAwsOrgWide',
      'dlpPrivate',
    ];
    for (const key of sensitive) {
      const item = itemOf(tenant, key);
      const result = await inspectContent(dlp, {
        body: fileBytes(item.mimeType, item.content),
        mimeType: item.mimeType,
        fileName: item.name,
      });
      expect({ key, status: result.status }).toEqual({ key, status: 'matched' });
    }
    const control = itemOf(tenant, 'dlpCleanControl');
    expect(engine(control.content)).toBe(false);
    expect(findMicrosoftViolations(tenant, now, { dlp: engine })).toEqual(
      findMicrosoftViolations(tenant, now),
    );

    const big = generateMicrosoftTenant({
      seed: 1,
      now,
      plant: false,
      size: { users: 2000, itemsPerDrive: 60 },
    });
    let sampled = 0;
    for (let i = 0; i < big.items.size; i += 331) {
      const item = big.items.get(i);
      if (!item?.content) continue;
      expect(dlp.scanText(`${item.name}\n${item.content}`).detectors).toEqual([]);
      sampled += 1;
    }
    expect(sampled).toBeGreaterThan(200);
  });

  it('names AI apps exactly as the scanner’s AI catalog classifies them (apps and grants)', () => {
    const tenant = generateMicrosoftTenant({
      seed: 1,
      now,
      size: { users: 10_000, itemsPerDrive: 0, sites: 0 },
    });
    expect(tenant.servicePrincipals.length).toBeGreaterThanOrEqual(2000);
    const ai = new Set(AI_APP_IDS);
    for (const sp of tenant.servicePrincipals) {
      const app = aiCatalog.classify({
        provider: 'microsoft-365',
        appId: sp.appId,
        name: sp.displayName,
        publisher: sp.verifiedPublisher.displayName ?? sp.publisherName,
        domains: sp.homepage ? [sp.homepage] : [],
      });
      const grant = aiCatalog.classify({ provider: 'microsoft-365', appId: sp.appId, name: sp.displayName });
      expect({ app: sp.displayName, ai: app !== null, grant: grant !== null }).toEqual({
        app: sp.displayName,
        ai: ai.has(sp.appId),
        grant: ai.has(sp.appId),
      });
    }
  });

  it('rates "high risk" with the scanner’s scope-risk table; no unverified app holds a permission where MODEL.md’s privileged set disagrees', () => {
    const tenant = generateMicrosoftTenant({
      seed: 1,
      now,
      size: { users: 10_000, itemsPerDrive: 0, sites: 0 },
    });
    const held = new Set<string>(APP_ROLE_POOL);
    for (const sp of tenant.servicePrincipals) {
      if (!isThirdParty(tenant, sp) || sp.verifiedPublisher.verifiedPublisherId) continue;
      for (const scope of applicationScopes(tenant, sp)) held.add(scope.slice('application:'.length));
    }
    // Privileged (MODEL.md, for secrets) implies high risk (scope-risk) for every such permission.
    for (const value of held) {
      if (!isPrivilegedAppRole(value)) continue;
      expect({ value, high: isHighRisk([`application:${value}`]) }).toEqual({ value, high: true });
    }
    // The two differ elsewhere, by design: the scanner's own read role is privileged but rated medium.
    expect(isPrivilegedAppRole('RoleManagement.Read.Directory')).toBe(true);
    expect(isHighRisk(['application:RoleManagement.Read.Directory'])).toBe(false);
    expect(isHighRisk(['User.Read', 'Calendars.Read'])).toBe(false);
    expect(isHighRisk(['User.Read', 'Mail.Read'])).toBe(true);
    expect(highestScopeRisk('microsoft-365', ['application:Calendars.Read'])?.risk).toBe('high');
  });

  it('derives exposure and access as MODEL.md defines them', () => {
    const tenant = generateMicrosoftTenant({ seed: 1, now });
    const expectations: Record<string, { exposure: string; access: string; sharedWithDomains?: string[] }> = {
      sharedFolder: { exposure: 'anyone_with_link', access: 'view' },
      anonymousEdit: { exposure: 'anyone_with_link', access: 'edit' },
      organizationEdit: { exposure: 'domain', access: 'edit' },
      organizationView: { exposure: 'domain', access: 'view' },
      externalInviteEdit: { exposure: 'external', access: 'edit', sharedWithDomains: ['partner-agency.com'] },
      externalLinkView: { exposure: 'external', access: 'view' },
      guestView: { exposure: 'external', access: 'view', sharedWithDomains: ['partner-agency.com'] },
      internalShare: { exposure: 'internal', access: 'edit' },
      mixedLinks: { exposure: 'anyone_with_link', access: 'view' },
      private: { exposure: 'private', access: 'edit' },
      siteVendorPack: { exposure: 'anyone_with_link', access: 'view' },
    };
    for (const [key, want] of Object.entries(expectations)) {
      expect({ key, ...itemExposure(tenant, itemOf(tenant, key)) }).toMatchObject({ key, ...want });
    }
  });
});

describe('Microsoft oracle follows the live simulator', () => {
  let sim: MicrosoftSimulator;
  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ seed: 1, now });
  });
  afterAll(() => sim.close());

  const has = (ruleId: string, assetKey: string) =>
    findMicrosoftViolations(sim.tenant, now).some((p) => p.ruleId === ruleId && p.assetKey === assetKey);

  it('tracks users, settings, grants, credentials and items', () => {
    const { tenant, mutate } = sim;
    const ines = tenant.planted.users.adminNoMfa as string;
    expect(has('microsoft-365/admin-without-mfa', microsoftAssetKey.identity(ines))).toBe(true);
    mutate.setMfa(ines, { isMfaRegistered: true });
    expect(has('microsoft-365/admin-without-mfa', microsoftAssetKey.identity(ines))).toBe(false);
    const ken = tenant.planted.users.userMfa as string;
    mutate.assignRole(ken, 'SharePoint Administrator');
    mutate.setMfa(ken, { isMfaRegistered: false });
    expect(has('microsoft-365/admin-without-mfa', microsoftAssetKey.identity(ken))).toBe(true);
    mutate.updateUser(ken, { accountEnabled: false });
    expect(has('microsoft-365/admin-without-mfa', microsoftAssetKey.identity(ken))).toBe(false);

    const policy = microsoftAssetKey.setting('authorization_policy');
    // An owned-resource consent policy is not self-consent: the look-alike stays clean.
    mutate.updateAuthorizationPolicy({
      defaultUserRolePermissions: {
        permissionGrantPoliciesAssigned: [
          'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team',
        ],
        allowedToCreateApps: false,
      },
    });
    expect(has('microsoft-365/users-can-consent-to-apps', policy)).toBe(false);
    expect(has('microsoft-365/users-can-register-apps', policy)).toBe(false);
    mutate.updateAuthorizationPolicy({
      defaultUserRolePermissions: {
        permissionGrantPoliciesAssigned: ['managePermissionGrantsForSelf.microsoft-user-default-low'],
      },
    });
    expect(has('microsoft-365/users-can-consent-to-apps', policy)).toBe(true);

    const spo = microsoftAssetKey.setting('sharepoint_tenant');
    const expiry = 'microsoft-365/sharepoint-anyone-link-expiry';
    mutate.updateSharePointSettings({ requireAnonymousLinksExpireInDays: 30 });
    expect(has(expiry, spo)).toBe(false);
    mutate.updateSharePointSettings({ requireAnonymousLinksExpireInDays: 31 });
    expect(has(expiry, spo)).toBe(true);
    mutate.updateSharePointSettings({
      sharingCapability: 'existingExternalUserSharingOnly',
      defaultSharingLinkType: 1,
      defaultLinkPermission: 1,
    });
    expect(has(expiry, spo)).toBe(false);
    expect(has('microsoft-365/sharepoint-default-link-not-specific-people', spo)).toBe(false);
    expect(has('microsoft-365/sharepoint-default-link-permission-edit', spo)).toBe(false);
    expect(
      has(
        'microsoft-365/sharepoint-external-sharing-too-broad',
        microsoftAssetKey.setting('sharepoint_settings'),
      ),
    ).toBe(false);

    const mailArchiver = tenant.planted.grants.mailArchiverTenant as string;
    expect(has('microsoft-365/tenant-wide-grant-high-risk', microsoftAssetKey.grant(mailArchiver))).toBe(
      true,
    );
    mutate.updateGrant(mailArchiver, 'User.Read');
    expect(has('microsoft-365/tenant-wide-grant-high-risk', microsoftAssetKey.grant(mailArchiver))).toBe(
      false,
    );
    const claude = mutate.addGrant(tenant.planted.apps.claude as string, 'User.Read Files.Read.All');
    expect(has('common/shadow-ai-tenant-wide-grant', microsoftAssetKey.grant(claude.id))).toBe(true);
    expect(has('microsoft-365/tenant-wide-grant-high-risk', microsoftAssetKey.grant(claude.id))).toBe(true);

    const hr = tenant.planted.applications.hrExport as string;
    const hrSp = tenant.servicePrincipals.find(
      (s) => s.appId === tenant.applications.find((a) => a.id === hr)?.appId,
    );
    const secret = tenant.applications.find((a) => a.id === hr)?.passwordCredentials[0];
    const secretKey = microsoftAssetKey.apiKey(hr, secret?.keyId ?? '');
    expect(has('microsoft-365/secret-on-privileged-app', secretKey)).toBe(false);
    mutate.addAppRoleAssignment(hrSp?.id ?? '', 'Mail.ReadWrite');
    expect(has('microsoft-365/secret-on-privileged-app', secretKey)).toBe(true);
    const cert = mutate.addApplicationCredential(hr, {
      kind: 'certificate',
      lifetimeDays: 730,
      startedDaysAgo: 720,
    });
    const certKey = microsoftAssetKey.apiKey(hr, cert.keyId);
    // Timed against real time: the certificate expires in 10 days from now.
    expect(
      findMicrosoftViolations(tenant, new Date())
        .filter((p) => p.assetKey === certKey)
        .map((p) => p.ruleId)
        .sort(),
    ).toEqual([
      'microsoft-365/app-certificate-lifetime-over-365-days',
      'microsoft-365/app-credential-expiring',
    ]);

    const { driveId, itemId } = tenant.planted.items.private as { driveId: string; itemId: string };
    const file = microsoftAssetKey.file(driveId, itemId);
    mutate.shareItem(driveId, itemId, { email: 'someone@hotmail.com', role: 'write' });
    expect(
      findMicrosoftViolations(tenant, now)
        .filter((p) => p.assetKey === file)
        .map((p) => p.ruleId),
    ).toEqual(['common/file-external-edit']);
    mutate.deleteItem(driveId, itemId);
    expect(findMicrosoftViolations(tenant, now).some((p) => p.assetKey === file)).toBe(false);

    // An item inside a folder shared by an anonymous link is reachable by that link.
    const folder = tenant.planted.items.sharedFolder as { driveId: string; itemId: string };
    const inside = mutate.addItem(folder.driveId, {
      name: 'Inside.txt',
      mimeType: 'text/plain',
      content: 'x',
      parentId: folder.itemId,
    });
    expect(has('common/file-public-view', microsoftAssetKey.file(folder.driveId, inside.id))).toBe(true);
    mutate.unshareItem(
      folder.driveId,
      folder.itemId,
      tenant.items.get(itemIndexOf(tenant.items, folder.itemId) ?? -1)?.permissions[0]?.id ?? '',
    );
    expect(has('common/file-public-view', microsoftAssetKey.file(folder.driveId, inside.id))).toBe(false);
  });
});
