/**
 * The Policy API normalizer against bodies shaped like the documented example (research §1.13):
 * MODEL.md's setting mapping, scope by root OU and group, values as returned, and malformed
 * policies rejected with an error that names the field.
 */
import { describe, expect, it } from 'vitest';
import {
  normalizePolicy,
  normalizePolicyPage,
  orgUnitId,
} from '../../../connectors/google-workspace/normalize/policies.ts';
import { isPeriscopeError } from '../../../scanner/errors.ts';
import { parseAsset } from '../../../scanner/model.ts';

const at = '2026-09-01T00:00:00.000Z';
const ROOT = 'orgUnits/03ph8a2z1';

const documented = {
  name: 'policies/ahv4hg7qc24kvaghb7zihwf4riid4',
  customer: 'customers/C03az79cb',
  policyQuery: {
    query: "entity.org_units.exists(org_unit, org_unit.org_unit_id == orgUnitId('03ph8a2z1'))",
    orgUnit: ROOT,
    sortOrder: 1,
  },
  setting: {
    type: 'settings/drive_and_docs.external_sharing',
    value: {
      externalSharingMode: 'ALLOWLISTED_DOMAINS',
      allowPublishingFiles: false,
      warnForExternalSharing: true,
      allowReceivingExternalFiles: true,
      allowedPartiesForDistributingContent: 'NONE',
    },
  },
  type: 'ADMIN',
};

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('google-workspace policy normalizer', () => {
  it('maps a root-OU policy to a tenant-scoped setting with the values as returned', () => {
    const asset = parseAsset(normalizePolicy(documented, at, ROOT));
    expect(asset).toMatchObject({
      provider: 'google-workspace',
      kind: 'setting',
      externalId: 'policies/ahv4hg7qc24kvaghb7zihwf4riid4',
      name: 'drive_and_docs.external_sharing @ orgUnits/03ph8a2z1',
      settingType: 'google-workspace.drive_and_docs.external_sharing',
      scope: 'tenant',
      values: documented.setting.value,
      attributes: { orgUnit: ROOT, group: null, sortOrder: 1, policyType: 'ADMIN' },
      observedAt: at,
    });
  });

  it('scopes child-OU and group policies to the object, keeping sortOrder and type', () => {
    const child = normalizePolicy(
      { ...documented, policyQuery: { orgUnit: 'orgUnits/03ph8a2z3m1c9sa', sortOrder: 2 }, type: 'SYSTEM' },
      at,
      ROOT,
    );
    expect(child).toMatchObject({
      scope: 'object',
      attributes: { orgUnit: 'orgUnits/03ph8a2z3m1c9sa', group: null, sortOrder: 2, policyType: 'SYSTEM' },
    });
    const group = normalizePolicy(
      { ...documented, policyQuery: { orgUnit: ROOT, group: 'groups/01ci93xb3tmzyin', sortOrder: 9 } },
      at,
      ROOT,
    );
    expect(group).toMatchObject({
      scope: 'object',
      name: 'drive_and_docs.external_sharing @ groups/01ci93xb3tmzyin',
    });
  });

  it('accepts the root OU in any of its spellings and treats an empty group as none', () => {
    expect(orgUnitId('id:03ph8a2z1')).toBe('03ph8a2z1');
    const asset = normalizePolicy(
      { ...documented, policyQuery: { orgUnit: ROOT, group: '' } },
      at,
      '03ph8a2z1',
    );
    expect(asset).toMatchObject({ scope: 'tenant', attributes: { group: null, sortOrder: null } });
  });

  it('leaves fields the policy omits absent (the rules decide defaults and inheritance)', () => {
    const asset = normalizePolicy(
      { ...documented, setting: { type: 'settings/drive_and_docs.drive_sdk' } },
      at,
      ROOT,
    );
    expect(asset).toMatchObject({ settingType: 'google-workspace.drive_and_docs.drive_sdk', values: {} });
  });

  it.each([
    ['a missing setting type', { ...documented, setting: { value: {} } }, 'setting.type'],
    [
      'a type without the settings/ prefix',
      { ...documented, setting: { type: 'drive_and_docs.drive_sdk' } },
      'setting.type',
    ],
    ['a bad name', { ...documented, name: 'ahv4' }, 'name'],
    [
      'a value that is not an object',
      { ...documented, setting: { ...documented.setting, value: 'on' } },
      'setting.value',
    ],
    ['a missing policyQuery', { ...documented, policyQuery: undefined }, 'policyQuery'],
  ])('rejects %s, naming the field', (_label, body, field) => {
    const error = errorOf(() => normalizePolicy(body, at, ROOT));
    expect(isPeriscopeError(error) && error.code).toBe('malformed_response');
    expect((error as Error).message).toContain(`at ${field}:`);
  });

  it('normalizes a page and names the policy index of a malformed one', () => {
    const page = normalizePolicyPage({ policies: [documented], nextPageToken: 'abc' }, at, ROOT);
    expect(page.assets).toHaveLength(1);
    expect(page.nextPageToken).toBe('abc');
    expect(normalizePolicyPage({}, at, ROOT)).toEqual({ assets: [], nextPageToken: null });
    const bad = { policies: [documented, { ...documented, setting: { type: 7 } }] };
    expect((errorOf(() => normalizePolicyPage(bad, at, ROOT)) as Error).message).toContain(
      'at policies[1].setting.type:',
    );
  });
});
