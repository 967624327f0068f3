import { describe, expect, it } from 'vitest';
import {
  AI_APP_CLIENT_IDS,
  CLEAN_CONTROL_CONTENT,
  fileExposure,
  findGoogleViolations,
  GOOGLE_PERSONAS,
  type GooglePlanted,
  type GoogleTenant,
  generateGoogleTenant,
  googleAssetKey,
  googleOracleRuleIds,
  NEVER_LOGGED_IN,
  OAUTH_APPS,
  PLANTED_APPS,
  plantedContentMatches,
  startGoogleSimulator,
} from '../../sandbox/index.ts';
import { aiCatalog } from '../../scanner/ai-catalog/index.ts';
import { createDlpScanner } from '../../scanner/dlp/index.ts';
import { adminFor, jwtFor, SCOPES } from './google-support.ts';

const now = new Date('2026-11-01T00:00:00Z');
const keyOf = (p: GooglePlanted) => `${p.ruleId} ${p.assetKey}`;
const dlp = createDlpScanner();
const engine = (text: string) => dlp.scanText(text).status === 'matched';

function check(tenant: GoogleTenant, at = now) {
  const found = findGoogleViolations(tenant, at);
  const keys = new Set(found.map(keyOf));
  return {
    found,
    keys,
    missing: tenant.planted.violations.filter((p) => !keys.has(keyOf(p))).map(keyOf),
    leaked: tenant.planted.clean.filter((p) => keys.has(keyOf(p))).map(keyOf),
  };
}

const fileOf = (tenant: GoogleTenant, key: string) => {
  const id = tenant.planted.files[key] as string;
  return tenant.files.get(tenant.files.indexOf(id) as number)!;
};
const userOf = (tenant: GoogleTenant, key: string) =>
  tenant.users.find((u) => u.primaryEmail === tenant.planted.users[key])!;

describe('Google planted violations and oracle', () => {
  it('plants every oracle rule in the default tenant, and the oracle finds them and no look-alike', () => {
    const tenant = generateGoogleTenant({ seed: 1, now });
    const { found, keys, missing, leaked } = check(tenant);
    expect(new Set(tenant.planted.violations.map((p) => p.ruleId))).toEqual(new Set(googleOracleRuleIds));
    expect(missing).toEqual([]);
    expect(leaked).toEqual([]);
    expect(keys.size).toBe(found.length);
    expect(tenant.planted.clean.length).toBeGreaterThan(40);
    expect(Object.keys(tenant.planted.users)).toEqual(GOOGLE_PERSONAS.map((p) => p.key));
  });

  it('holds for other seeds and sizes, skipping what does not fit', () => {
    const sizes = [
      { users: 20, filesPerUser: 3 },
      { users: 200, filesPerUser: 30, sharedDrives: 1, tokensPerUser: 4 },
      { users: 5, filesPerUser: 2, sharedDrives: 0 },
    ];
    for (const seed of [2, 3, 4]) {
      for (const size of sizes) {
        const tenant = generateGoogleTenant({ seed, now, size });
        const { missing, leaked } = check(tenant);
        expect({ seed, size, missing, leaked }).toEqual({ seed, size, missing: [], leaked: [] });
      }
    }
    const tiny = generateGoogleTenant({ seed: 2, now, size: { users: 5, filesPerUser: 2, sharedDrives: 0 } });
    expect(Object.keys(tiny.planted.users)).toEqual(GOOGLE_PERSONAS.slice(0, 4).map((p) => p.key));
    expect(tiny.planted.files).toEqual({});
    expect(tiny.users).toHaveLength(5);
  });

  it('is deterministic and leaves the random background as it was', () => {
    const a = generateGoogleTenant({ seed: 6, now });
    const b = generateGoogleTenant({ seed: 6, now });
    expect(b.planted).toEqual(a.planted);
    expect(findGoogleViolations(b, now)).toEqual(findGoogleViolations(a, now));
    expect(b.events.list('token')).toEqual(a.events.list('token'));

    const bare = generateGoogleTenant({ seed: 6, now, plant: false });
    expect(bare.planted.violations).toEqual([]);
    expect(bare.users).toHaveLength(a.users.length);
    expect(bare.files.size).toBe(a.files.size);
    expect(bare.customerId).toBe(a.customerId);
    const background = GOOGLE_PERSONAS.length + 1;
    expect(a.users.slice(background)).toEqual(bare.users.slice(background));
    expect(a.users.slice(0, background).map((u) => u.id)).toEqual(
      bare.users.slice(0, background).map((u) => u.id),
    );
    expect(a.grants.get(background + 3)).toEqual(bare.grants.get(background + 3));
    const plantedIds = new Set(Object.values(a.planted.files));
    for (let i = 0; i < a.files.size; i += 37) {
      const file = a.files.get(i)!;
      if (!plantedIds.has(file.id) && file.owner >= background) expect(file).toEqual(bare.files.get(i));
    }
  });

  it('agrees with the real DLP engine on planted content, and generated content never matches', () => {
    const tenant = generateGoogleTenant({ seed: 1, now });
    const sensitive = ['dlpCardPublicEdit', 'dlpAwsPublicView', 'dlpKeyExternalEdit', 'dlpCardExternalView'];
    for (const key of [...sensitive, 'dlpAwsOrgWide', 'dlpPrivate']) {
      const file = fileOf(tenant, key);
      expect({ key, engine: engine(file.content) }).toEqual({ key, engine: true });
      expect(plantedContentMatches(file.content)).toBe(true);
    }
    expect(dlp.scanText(fileOf(tenant, 'dlpCardPublicEdit').content).profiles).toEqual(['financial']);
    expect(dlp.scanText(fileOf(tenant, 'dlpKeyExternalEdit').content).profiles).toEqual(['credentials']);
    expect(engine(CLEAN_CONTROL_CONTENT)).toBe(false);
    expect(plantedContentMatches(CLEAN_CONTROL_CONTENT)).toBe(false);
    expect(fileOf(tenant, 'dlpCleanControl').content).toBe(CLEAN_CONTROL_CONTENT);
    // The oracle's built-in verdict and the engine give the same findings.
    expect(findGoogleViolations(tenant, now, { dlp: engine })).toEqual(findGoogleViolations(tenant, now));

    const big = generateGoogleTenant({
      seed: 1,
      now,
      plant: false,
      size: { users: 10_000, filesPerUser: 100, tokensPerUser: 3 },
    });
    let sampled = 0;
    for (let i = 0; i < big.files.size; i += 977) {
      const file = big.files.get(i)!;
      expect(dlp.scanText(file.content).detectors).toEqual([]);
      sampled += 1;
    }
    const last = big.files.get(big.files.size - 1)!;
    expect(dlp.scanText(`${last.name}\n${last.content}`).detectors).toEqual([]);
    expect(sampled).toBeGreaterThan(1000);
  });

  it('names AI apps exactly as the scanner’s AI catalog classifies them', () => {
    const tenant = generateGoogleTenant({ seed: 1, now });
    const apps = new Map([...tenant.grants.values()].flat().map((g) => [g.clientId, g]));
    for (const app of [...OAUTH_APPS, ...Object.values(PLANTED_APPS)]) apps.set(app.clientId, app);
    expect(apps.size).toBe(OAUTH_APPS.length + Object.keys(PLANTED_APPS).length);
    for (const app of apps.values()) {
      const match = aiCatalog.classify({
        provider: 'google-workspace',
        appId: app.clientId,
        name: app.displayText,
      });
      expect({ app: app.displayText, ai: match !== null }).toEqual({
        app: app.displayText,
        ai: AI_APP_CLIENT_IDS.includes(app.clientId),
      });
    }
  });

  it('derives exposure and access as MODEL.md defines them', () => {
    const tenant = generateGoogleTenant({ seed: 1, now });
    const expectations: Record<string, ReturnType<typeof fileExposure>> = {
      publicEdit: { exposure: 'anyone_with_link', access: 'edit' },
      publicView: { exposure: 'public', access: 'view' },
      externalViewWithExpiry: { exposure: 'external', access: 'view' },
      externalGroupNoExpiry: { exposure: 'external', access: 'view' },
      domainEdit: { exposure: 'domain', access: 'edit' },
      domainView: { exposure: 'domain', access: 'view' },
      internalShare: { exposure: 'internal', access: 'edit' },
      private: { exposure: 'private', access: 'edit' },
      sharedDrivePublic: { exposure: 'anyone_with_link', access: 'view' },
    };
    for (const [key, want] of Object.entries(expectations)) {
      expect({ key, ...fileExposure(tenant, fileOf(tenant, key)) }).toEqual({ key, ...want });
    }
    expect(fileOf(tenant, 'sharedDrivePublic').drive).toBeGreaterThanOrEqual(0);
  });

  it('follows mutations of the live simulator', async () => {
    const sim = await startGoogleSimulator({ seed: 1, now });
    try {
      const { tenant, mutate } = sim;
      const has = (ruleId: string, assetKey: string) =>
        findGoogleViolations(tenant, now).some((p) => p.ruleId === ruleId && p.assetKey === assetKey);
      const ines = userOf(tenant, 'adminNo2sv');
      expect(has('google-workspace/admin-without-2sv', googleAssetKey.identity(ines.id))).toBe(true);
      mutate.updateUser(ines.primaryEmail, { isEnrolledIn2Sv: true });
      expect(has('google-workspace/admin-without-2sv', googleAssetKey.identity(ines.id))).toBe(false);

      const customer = googleAssetKey.superAdmins();
      expect(has('google-workspace/super-admin-count', customer)).toBe(true);
      mutate.updateUser(userOf(tenant, 'admin2sv').primaryEmail, { isAdmin: true });
      expect(has('google-workspace/super-admin-count', customer)).toBe(false);

      const publicEdit = fileOf(tenant, 'publicEdit');
      expect(has('common/file-public-edit', googleAssetKey.file(publicEdit.id))).toBe(true);
      mutate.unshareFile(publicEdit.id, 'anyoneWithLink');
      expect(has('common/file-public-edit', googleAssetKey.file(publicEdit.id))).toBe(false);

      const privateFile = fileOf(tenant, 'private');
      const key = googleAssetKey.file(privateFile.id);
      mutate.shareFile(privateFile.id, { type: 'user', role: 'writer', emailAddress: 'someone@hotmail.com' });
      expect(
        findGoogleViolations(tenant, now)
          .filter((p) => p.assetKey === key)
          .map((p) => p.ruleId)
          .sort(),
      ).toEqual([
        'common/file-external-edit',
        'google-workspace/file-external-share-without-expiry',
        'google-workspace/file-shared-to-personal-account',
      ]);

      // A suspended owner's My Drive is out of the scanner's reach.
      const fay = userOf(tenant, 'fileSharer');
      mutate.updateUser(fay.primaryEmail, { suspended: true });
      expect(findGoogleViolations(tenant, now).some((p) => p.assetKey === key)).toBe(false);

      const uma = userOf(tenant, 'userNo2sv');
      const ken = userOf(tenant, 'user2sv');
      mutate.recordGeminiUse(uma.primaryEmail, { app: 'gmail' });
      mutate.recordGeminiUse(ken.primaryEmail);
      expect(has('google-workspace/gemini-user-without-2sv', googleAssetKey.geminiUser(uma.id))).toBe(true);
      expect(has('google-workspace/gemini-user-without-2sv', googleAssetKey.geminiUser(ken.id))).toBe(false);

      const ida = userOf(tenant, 'inactiveAdmin');
      const inactive = (staleDays: number) =>
        findGoogleViolations(tenant, now, { staleDays }).some(
          (p) =>
            p.ruleId === 'google-workspace/inactive-admin' && p.assetKey === googleAssetKey.identity(ida.id),
        );
      expect(inactive(90)).toBe(true);
      expect(inactive(365)).toBe(false);

      // The directory serves the personas as planted.
      const api = adminFor(sim, jwtFor(sim, sim.adminEmail, [SCOPES.users]));
      const res = await api.users.list({ customer: 'my_customer', maxResults: 20 });
      const served = new Map(res.data.users?.map((u) => [u.primaryEmail, u]));
      expect(served.get(tenant.planted.users.adminNo2sv)).toMatchObject({
        isDelegatedAdmin: true,
        isAdmin: false,
      });
      expect(served.get(tenant.planted.users.neverLoggedIn)?.lastLoginTime).toBe(NEVER_LOGGED_IN);
      expect(served.get(tenant.planted.users.suspendedSuperAdmin)).toMatchObject({
        isAdmin: true,
        suspended: true,
      });
    } finally {
      await sim.close();
    }
  });
});
