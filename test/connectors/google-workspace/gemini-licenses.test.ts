/**
 * Gemini / Google AI licences through the Enterprise License Manager API: the three licence
 * rules fire on the planted admins and users and stay quiet on their look-alikes, every page of
 * a large licence list is read, a delegation without `apps.licensing` makes exactly these rules
 * not evaluated (naming the scope), and a broken licence page fails this stream only.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../../connectors/google-workspace/scopes.ts';
import { assets } from '../../../db/schema.ts';
import { rules } from '../../../rules/index.ts';
import {
  findGoogleViolations,
  GEMINI_LICENSE_PRODUCT_IDS,
  type GooglePlanted,
  isGeminiLicense,
} from '../../../sandbox/index.ts';
import { type GoogleHarness, startGoogleHarness } from '../../support/google-harness.ts';

const LICENSE_RULES = [
  'google-workspace/gemini-licensed-admin-without-2sv',
  'google-workspace/gemini-licensed-user-without-2sv',
  'google-workspace/gemini-license-on-suspended-user',
];
const LIST_FOR_PRODUCT = '/apps/licensing/v1/product/{productId}/users';

const keyOf = (p: GooglePlanted) => `${p.ruleId} ${p.assetKey}`;
const licenseFindings = (keys: string[]) => keys.filter((k) => LICENSE_RULES.includes(k.split(' ')[0] ?? ''));

/** The licence assets the last scans stored and did not remove. */
async function storedLicenses(h: GoogleHarness) {
  return h.deps.db
    .select({ externalId: assets.externalId, data: assets.data })
    .from(assets)
    .where(
      and(
        eq(assets.connectionId, h.connectionId),
        eq(assets.stream, 'gemini-licenses'),
        isNull(assets.removedAt),
      ),
    );
}

describe('google-workspace Gemini licences', () => {
  let h: GoogleHarness;
  beforeAll(async () => {
    h = await startGoogleHarness({ sim: { size: { filesPerUser: 2, sharedDrives: 1 } } });
  });
  afterAll(() => h?.close());

  it('flags licensed admins and users without 2SV and licences on suspended users, not their look-alikes', async () => {
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['gemini-licenses']?.status).toBe('completed');
    for (const id of LICENSE_RULES) expect(scan.rules[id]?.status, id).toBe('evaluated');

    const found = await h.findingKeys();
    const planted = h.sim.tenant.planted;
    const meant = planted.violations.filter((v) => LICENSE_RULES.includes(v.ruleId)).map(keyOf);
    expect(meant.length).toBeGreaterThanOrEqual(6);
    for (const key of meant) expect(found).toContain(key);
    const lookAlikes = planted.clean.filter((c) => LICENSE_RULES.includes(c.ruleId)).map(keyOf);
    expect(lookAlikes.length).toBeGreaterThanOrEqual(10);
    for (const key of lookAlikes) expect(found).not.toContain(key);

    // The background licences too: exactly what the tenant data says, nothing more.
    const expected = findGoogleViolations(h.sim.tenant, new Date())
      .filter((v) => LICENSE_RULES.includes(v.ruleId))
      .map(keyOf)
      .sort();
    expect(licenseFindings(found)).toEqual(expected);
  });

  it('stores one setting per Gemini licence, joined with the directory, and no other product', async () => {
    const stored = await storedLicenses(h);
    const tenant = h.sim.tenant;
    const gemini = tenant.licenses.filter(isGeminiLicense);
    expect(tenant.licenses.length).toBeGreaterThan(gemini.length); // Workspace editions exist but are not read
    expect(stored.map((a) => a.externalId).sort()).toEqual(
      gemini.map((l) => `gemini-license:${tenant.users[l.user]?.id}:${l.productId}`).sort(),
    );
    const suspended = tenant.users.find((u) => u.primaryEmail === tenant.planted.users.suspendedSuperAdmin);
    const asset = stored.find((a) => a.externalId === `gemini-license:${suspended?.id}:101047`);
    expect(asset?.data.values).toEqual({
      userId: suspended?.id,
      email: suspended?.primaryEmail,
      productId: '101047',
      productName: 'Gemini',
      skuId: '1010470008',
      skuName: 'Google AI Ultra for Business',
      isAdmin: true,
      enrolledIn2Sv: false,
      suspended: true,
      archived: false,
    });
    // The service account's key never reaches the logs.
    const keyBody = h.sim.serviceAccount.private_key.split('\n')[1] as string;
    expect(h.logs.join('\n')).not.toContain(keyBody);
  });

  it('resolves a finding once the licence is revoked, and raises one when a licensed user is suspended', async () => {
    const suspendedUser = h.sim.tenant.planted.users.suspendedUser as string;
    const user2sv = h.sim.tenant.planted.users.user2sv as string;
    const idOf = (email: string) => h.sim.tenant.users.find((u) => u.primaryEmail === email)?.id;
    const revoked = `google-workspace/gemini-license-on-suspended-user google-workspace:setting:gemini-license:${idOf(suspendedUser)}:101047`;
    const raised = `google-workspace/gemini-license-on-suspended-user google-workspace:setting:gemini-license:${idOf(user2sv)}:101047`;
    expect(await h.findingKeys()).toContain(revoked);
    expect(await h.findingKeys()).not.toContain(raised);

    h.sim.mutate.revokeLicense(suspendedUser, '101047');
    h.sim.mutate.updateUser(user2sv, { suspended: true });
    const { outcome } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(await h.findingKeys('resolved')).toContain(revoked);
    expect(await h.findingKeys()).toContain(raised);
    expect(await h.findingKeys()).not.toContain(revoked);
  });
});

describe('google-workspace Gemini licences: access and paging', () => {
  let h: GoogleHarness | undefined;
  afterEach(() => h?.close());

  it('reads every page of a licence list longer than one page (customer id from the directory)', async () => {
    h = await startGoogleHarness({
      sim: {
        size: { users: 1200, filesPerUser: 0, sharedDrives: 0, tokensPerUser: 0, geminiLicenseShare: 1 },
      },
      // The License Manager does not take `my_customer`: the connector must find the real id.
      config: { customerId: 'my_customer' },
    });
    // Only what this test reads: Drive and tokens for 1,200 users would be most of its time.
    h.sim.delegatedScopes.delete(SCOPES.drive);
    h.sim.delegatedScopes.delete(SCOPES.directoryTokens);
    const tenant = h.sim.tenant;
    const perProduct = GEMINI_LICENSE_PRODUCT_IDS.map(
      (id) => tenant.licenses.filter((l) => l.productId === id).length,
    );
    expect(perProduct[0]).toBeGreaterThan(1000); // more than the connector's page size
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['gemini-licenses']?.status).toBe('completed');
    expect(h.sim.requests.count('GET', LIST_FOR_PRODUCT)).toBe(
      perProduct.reduce((sum, n) => sum + Math.max(1, Math.ceil(n / 1000)), 0),
    );

    const stored = await storedLicenses(h);
    expect(stored.length).toBe(tenant.licenses.filter(isGeminiLicense).length);
    const expected = findGoogleViolations(tenant, new Date())
      .filter((v) => LICENSE_RULES.includes(v.ruleId))
      .map(keyOf)
      .sort();
    expect(expected.length).toBeGreaterThan(100);
    expect(licenseFindings(await h.findingKeys())).toEqual(expected);
  });

  it('without apps.licensing in the delegation: the licence rules are not evaluated, naming the scope', async () => {
    h = await startGoogleHarness({ sim: { size: { filesPerUser: 2, sharedDrives: 1 } } });
    h.sim.delegatedScopes.delete(SCOPES.licensing);
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams['gemini-licenses']).toMatchObject({
      status: 'unavailable',
      reason: 'scope_not_delegated',
    });
    for (const id of LICENSE_RULES) {
      expect(scan.rules[id]?.status, id).toBe('not_evaluated');
      expect(scan.rules[id]?.reason, id).toContain(SCOPES.licensing);
    }
    const others = rules
      .filter((r) => r.provider === 'google-workspace' && !LICENSE_RULES.includes(r.id))
      .map((r) => r.id);
    for (const id of others) expect(scan.rules[id]?.status, id).toBe('evaluated');
    const keys = await h.findingKeys();
    expect(licenseFindings(keys)).toEqual([]);
    expect(keys.some((k) => k.startsWith('google-workspace/gemini-user-without-2sv '))).toBe(true);
    expect(h.sim.requests.count('GET', LIST_FOR_PRODUCT)).toBe(0);
  });

  it('a malformed licence page fails this stream only and keeps its findings', async () => {
    h = await startGoogleHarness({ sim: { size: { filesPerUser: 2, sharedDrives: 1 } } });
    await h.scan();
    const before = licenseFindings(await h.findingKeys());
    expect(before.length).toBeGreaterThan(0);
    h.sim.faults.add({ path: LIST_FOR_PRODUCT, kind: 'malformed' });

    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('partial');
    expect(scan.streams['gemini-licenses']).toMatchObject({
      status: 'failed',
      error: { code: 'malformed_response' },
    });
    expect(scan.streams['gemini-licenses']?.error?.message).not.toMatch(/ya29|Bearer|PRIVATE KEY/);
    for (const name of ['users', 'oauth-tokens', 'drive', 'settings', 'gemini-usage'])
      expect(scan.streams[name]?.status, name).toBe('completed');
    expect(licenseFindings(await h.findingKeys())).toEqual(before);
    expect(licenseFindings(await h.findingKeys('resolved'))).toEqual([]);
  });
});
