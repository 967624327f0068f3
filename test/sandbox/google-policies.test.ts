/**
 * The Cloud Identity Policy API simulator through the real `@googleapis/cloudidentity` client:
 * paging and its caps, the filter subset, policies.get, super-admin-only access, and the
 * planted settings violations, which the normalizer and the settings rules must find exactly.
 */
import { cloudidentity, type cloudidentity_v1 } from '@googleapis/cloudidentity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  normalizePolicy,
  normalizePolicyPage,
} from '../../connectors/google-workspace/normalize/policies.ts';
import type { AssetRule } from '../../rules/define-rule.ts';
import { rules } from '../../rules/index.ts';
import {
  findGoogleSettingViolations,
  type GooglePolicy,
  type GoogleSimulator,
  ORG_UNIT_IDS,
  ROOT_ORG_UNIT_ID,
  SETTINGS_RULE_IDS,
  startGoogleSimulator,
} from '../../sandbox/index.ts';
import { parseAsset } from '../../scanner/model.ts';
import { check } from '../rules/support.ts';
import { jwtFor, rejectionOf, SCOPES } from './google-support.ts';

const POLICIES_SCOPE = 'https://www.googleapis.com/auth/cloud-identity.policies.readonly';

type Policy = cloudidentity_v1.Schema$Policy;

/** The Cloud APIs' newer error envelope: `{error: {code, message, status}}`. */
function statusOf(error: { response?: { data?: unknown } }): string | undefined {
  return (error.response?.data as { error?: { status?: string } } | undefined)?.error?.status;
}

describe('Google simulator Cloud Identity Policy API', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({ seed: 1, size: { users: 40, filesPerUser: 0, sharedDrives: 0 } });
  });
  afterAll(() => sim.close());

  const api = (subject = sim.adminEmail, scopes = [POLICIES_SCOPE]) =>
    cloudidentity({ version: 'v1', auth: jwtFor(sim, subject, scopes), rootUrl: `${sim.origin}/` });

  async function listAll(params: cloudidentity_v1.Params$Resource$Policies$List = {}) {
    const client = api();
    const policies: Policy[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const res = await client.policies.list({ ...params, pageToken });
      policies.push(...(res.data.policies ?? []));
      pageToken = res.data.nextPageToken ?? undefined;
      pages += 1;
    } while (pageToken);
    return { policies, pages };
  }

  it('serves root-OU policies for every setting type the rules read, and OU/group overrides', () => {
    const types = new Set(sim.tenant.policies.map((p) => p.setting.type));
    for (const type of [
      'settings/drive_and_docs.external_sharing',
      'settings/drive_and_docs.general_access_default',
      'settings/drive_and_docs.shared_drive_creation',
      'settings/drive_and_docs.drive_sdk',
      'settings/api_controls.unconfigured_third_party_apps',
      'settings/api_controls.internal_apps',
      'settings/security.less_secure_apps',
      'settings/workspace_marketplace.apps_access_options',
      'settings/takeout.service_status',
      'settings/security.password',
    ]) {
      expect(types.has(type), type).toBe(true);
      const root = sim.tenant.policies.find(
        (p) => p.setting.type === type && p.policyQuery.orgUnit === `orgUnits/${ROOT_ORG_UNIT_ID}`,
      );
      expect(root?.policyQuery.sortOrder, type).toBe(1);
    }
    expect(sim.tenant.policies.some((p) => p.policyQuery.group?.startsWith('groups/'))).toBe(true);
    expect(sim.tenant.policies.some((p) => p.type === 'SYSTEM')).toBe(true);
  });

  it('is deterministic per seed: same seed, same policies', async () => {
    const again = await startGoogleSimulator({
      seed: 1,
      size: { users: 40, filesPerUser: 0, sharedDrives: 0 },
    });
    const other = await startGoogleSimulator({
      seed: 2,
      size: { users: 40, filesPerUser: 0, sharedDrives: 0 },
    });
    try {
      expect(again.tenant.policies).toEqual(sim.tenant.policies);
      expect(other.tenant.policies.map((p) => p.name)).not.toEqual(sim.tenant.policies.map((p) => p.name));
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('pages policies.list with nextPageToken and returns the documented shape', async () => {
    const before = sim.requests.count('GET', '/v1/policies');
    const { policies, pages } = await listAll({ pageSize: 10 });
    expect(pages).toBe(Math.ceil(sim.tenant.policies.length / 10));
    expect(policies).toEqual(sim.tenant.policies);
    expect(sim.requests.count('GET', '/v1/policies') - before).toBe(pages);
    const first = policies[0] as Policy;
    expect(Object.keys(first).sort()).toEqual(['customer', 'name', 'policyQuery', 'setting', 'type']);
    expect(first.customer).toBe(`customers/${sim.customerId}`);
    expect(first.policyQuery?.query).toMatch(/^entity\.(org_units|groups)\.exists\(/);
  });

  describe('page size', () => {
    const extra: GooglePolicy[] = [];
    beforeAll(() => {
      // Enough policies to see the default (50) and the maximum (100).
      for (let i = 0; i < 120; i += 1) {
        const base = sim.tenant.policies[0] as GooglePolicy;
        extra.push({
          ...base,
          name: `policies/extra${i}`,
          setting: { type: 'settings/sites.service_status', value: {} },
        });
      }
      sim.tenant.policies.push(...extra);
    });
    afterAll(() => {
      sim.tenant.policies.splice(sim.tenant.policies.length - extra.length, extra.length);
    });

    it('defaults to 50, allows 100 and rejects more with INVALID_ARGUMENT', async () => {
      const client = api();
      expect((await client.policies.list()).data.policies).toHaveLength(50);
      expect((await client.policies.list({ pageSize: 100 })).data.policies).toHaveLength(100);
      const error = await rejectionOf(client.policies.list({ pageSize: 101 }));
      expect(error.response?.status).toBe(400);
      expect(statusOf(error)).toBe('INVALID_ARGUMENT');
    });
  });

  it('filters by setting type and customer', async () => {
    const filter = `customer == "customers/my_customer" && setting.type.matches('^settings/drive_and_docs\\\\..*$')`;
    const { policies } = await listAll({ filter, pageSize: 5 });
    const expected = sim.tenant.policies.filter((p) => p.setting.type.startsWith('settings/drive_and_docs.'));
    expect(policies.map((p) => p.name)).toEqual(expected.map((p) => p.name));
    const byId = await api().policies.list({ filter: `customer == "customers/${sim.customerId}"` });
    expect(byId.data.policies).toHaveLength(sim.tenant.policies.length);
    const none = await api().policies.list({ filter: `setting.type.matches('^settings/nothing')` });
    expect(none.data).toEqual({});
  });

  it.each([
    ['two type clauses', "setting.type.matches('a') && setting.type.matches('b')"],
    ['two customer clauses', 'customer == "customers/my_customer" && customer == "customers/my_customer"'],
    ['an unsupported clause', 'setting.value.allowLessSecureApps == true'],
    ['|| instead of &&', `customer == "customers/my_customer" || setting.type.matches('a')`],
    ['a broken regular expression', "setting.type.matches('(')"],
  ])('rejects a filter with %s', async (_label, filter) => {
    const error = await rejectionOf(api().policies.list({ filter }));
    expect(error.response?.status).toBe(400);
    expect(statusOf(error)).toBe('INVALID_ARGUMENT');
  });

  it('refuses another customer and a page token from another filter', async () => {
    const other = await rejectionOf(api().policies.list({ filter: 'customer == "customers/C0otherco"' }));
    expect(other.response?.status).toBe(403);
    const page = await api().policies.list({ pageSize: 2 });
    const token = page.data.nextPageToken ?? undefined;
    const mismatch = await rejectionOf(
      api().policies.list({ pageSize: 2, pageToken: token, filter: "setting.type.matches('drive')" }),
    );
    expect(mismatch.response?.status).toBe(400);
  });

  it('gets one policy by name and answers NOT_FOUND for an unknown one', async () => {
    const policy = sim.tenant.policies[3] as GooglePolicy;
    const res = await api().policies.get({ name: policy.name });
    expect(res.data).toEqual(policy);
    const error = await rejectionOf(api().policies.get({ name: 'policies/doesnotexist' }));
    expect(error.response?.status).toBe(404);
    expect(statusOf(error)).toBe('NOT_FOUND');
  });

  it('honours fields', async () => {
    const res = await api().policies.list({ pageSize: 3, fields: 'policies(name,setting/type)' });
    expect(res.data.nextPageToken).toBeUndefined();
    expect(res.data.policies?.[0]).toEqual({
      name: sim.tenant.policies[0]?.name,
      setting: { type: sim.tenant.policies[0]?.setting.type },
    });
  });

  it('answers 403 PERMISSION_DENIED to a delegated admin and to a plain user', async () => {
    const delegated = sim.tenant.users.find((u) => u.isDelegatedAdmin && !u.isAdmin && !u.suspended);
    const plain = sim.tenant.users.find((u) => !u.isDelegatedAdmin && !u.isAdmin && !u.suspended);
    expect(delegated).toBeDefined();
    for (const user of [delegated, plain]) {
      const error = await rejectionOf(api(user?.primaryEmail).policies.list());
      expect(error.response?.status).toBe(403);
      expect(statusOf(error)).toBe('PERMISSION_DENIED');
      const get = await rejectionOf(
        api(user?.primaryEmail).policies.get({ name: sim.tenant.policies[0]?.name }),
      );
      expect(statusOf(get)).toBe('PERMISSION_DENIED');
    }
  });

  it('answers 403 insufficientPermissions to a token without a policies scope', async () => {
    const error = await rejectionOf(api(sim.adminEmail, [SCOPES.users]).policies.list());
    expect(error.response?.status).toBe(403);
  });

  describe('planted settings violations', () => {
    const settingsRules = rules.filter(
      (rule): rule is AssetRule<'setting'> =>
        rule.type === 'asset' &&
        rule.provider === 'google-workspace' &&
        rule.kind === 'setting' &&
        (rule.streams ?? []).includes('settings'),
    );

    it('plants at least one violation of every settings rule', () => {
      expect(settingsRules.map((rule) => rule.id).sort()).toEqual(SETTINGS_RULE_IDS);
      const planted = new Set(findGoogleSettingViolations(sim.tenant).map((v) => v.ruleId));
      expect([...planted].sort()).toEqual(SETTINGS_RULE_IDS);
    });

    it('are exactly what the normalizer and the rules find over policies.list', async () => {
      const client = api();
      const assets = [];
      let pageToken: string | undefined;
      do {
        const res = await client.policies.list({ pageSize: 100, pageToken });
        const page = normalizePolicyPage(res.data, new Date().toISOString(), ROOT_ORG_UNIT_ID);
        assets.push(...page.assets.map(parseAsset));
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);

      const found: string[] = [];
      for (const asset of assets) {
        if (asset.kind !== 'setting') continue;
        for (const rule of settingsRules) {
          if (check(rule, asset))
            found.push(`${rule.id} ${asset.provider}:${asset.kind}:${asset.externalId}`);
        }
      }
      const expected = findGoogleSettingViolations(sim.tenant).map((v) => `${v.ruleId} ${v.assetKey}`);
      expect(found.sort()).toEqual(expected.sort());
    });

    it('agree with the rules on partial policies (documented defaults, undisclosed and inherited fields)', () => {
      const policies = structuredClone(sim.tenant.policies);
      const find = (type: string, orgUnit: string) =>
        policies.find(
          (p) => p.setting.type === `settings/${type}` && p.policyQuery.orgUnit === `orgUnits/${orgUnit}`,
        ) as GooglePolicy;
      const value = (type: string, orgUnit: string) => find(type, orgUnit).setting.value;
      delete value('drive_and_docs.external_sharing', ROOT_ORG_UNIT_ID).externalSharingMode;
      delete value('drive_and_docs.external_sharing', ROOT_ORG_UNIT_ID).allowPublishingFiles;
      delete value('drive_and_docs.external_sharing', ORG_UNIT_IDS['/Sales']).warnForExternalSharing;
      find('drive_and_docs.external_sharing', ORG_UNIT_IDS['/Finance']).setting.value = {
        allowPublishingFiles: true,
      };
      find('drive_and_docs.general_access_default', ROOT_ORG_UNIT_ID).setting.value = {};
      find('drive_and_docs.drive_sdk', ROOT_ORG_UNIT_ID).setting.value = {};
      find('drive_and_docs.drive_sdk', ORG_UNIT_IDS['/Engineering']).setting.value = {};
      find('workspace_marketplace.apps_access_options', ORG_UNIT_IDS['/Finance']).setting.value = {
        allowAllInternalApps: true,
      };
      find('security.less_secure_apps', ROOT_ORG_UNIT_ID).setting.value = {};
      const tenant = { ...sim.tenant, policies };

      const found: string[] = [];
      for (const policy of policies) {
        const asset = parseAsset(normalizePolicy(policy, new Date().toISOString(), ROOT_ORG_UNIT_ID));
        if (asset.kind !== 'setting') continue;
        for (const rule of settingsRules) {
          if (check(rule, asset))
            found.push(`${rule.id} ${asset.provider}:${asset.kind}:${asset.externalId}`);
        }
      }
      const expected = findGoogleSettingViolations(tenant).map((v) => `${v.ruleId} ${v.assetKey}`);
      expect(found.sort()).toEqual(expected.sort());
      // The edits changed the verdicts, not just kept them.
      expect(expected.length).toBeGreaterThan(findGoogleSettingViolations(sim.tenant).length);
    });

    it('follows an edit: fixing a policy removes its violation from the oracle', () => {
      const sdk = sim.tenant.policies.find(
        (p) =>
          p.setting.type === 'settings/drive_and_docs.drive_sdk' &&
          p.setting.value.enableDriveSdkApiAccess === true,
      ) as GooglePolicy;
      const key = `google-workspace:setting:${sdk.name}`;
      expect(findGoogleSettingViolations(sim.tenant).some((v) => v.assetKey === key)).toBe(true);
      sdk.setting.value.enableDriveSdkApiAccess = false;
      try {
        expect(findGoogleSettingViolations(sim.tenant).some((v) => v.assetKey === key)).toBe(false);
      } finally {
        sdk.setting.value.enableDriveSdkApiAccess = true;
      }
    });
  });
});
