/**
 * Cloud Identity Policy API `policies[]` → setting assets (MODEL.md): one asset per policy,
 * `settingType` = `google-workspace.` + the setting type without `settings/`, `values` = the
 * setting's value as returned. Fields a policy leaves out stay absent: a root-OU policy then
 * falls back to Google's documented defaults and an override inherits from its parent, which
 * the rules decide, not the connector.
 *
 * The API names org units by id only, so the caller passes the root OU's id (Directory
 * `orgunits`): a policy on it with no group has `scope: 'tenant'`, every other one `object`.
 */
import { z } from 'zod';
import { PeriscopeError } from '../../../scanner/errors.ts';
import type { AssetInput } from '../../../scanner/model.ts';

const maybeString = z.string().nullish();

export const CloudIdentityPolicy = z.object({
  name: z.string().regex(/^policies\/[^/]+$/, 'expected "policies/<id>"'),
  customer: maybeString,
  policyQuery: z.object({
    query: maybeString,
    orgUnit: maybeString,
    // Google documents an empty string when no group applies.
    group: maybeString,
    sortOrder: z.number().nullish(),
  }),
  setting: z.object({
    type: z.string().regex(/^settings\/[a-z0-9_]+\.[a-z0-9_.]+$/i, 'expected "settings/<app>.<setting>"'),
    value: z.record(z.string(), z.unknown()).nullish(),
  }),
  type: maybeString,
});
export type CloudIdentityPolicy = z.infer<typeof CloudIdentityPolicy>;

export const CloudIdentityPolicyPage = z.object({
  policies: z.array(z.unknown()).nullish(),
  nextPageToken: maybeString,
});

const ENDPOINT = 'GET /v1/policies';

function malformed(where: string, problem: string): PeriscopeError {
  return new PeriscopeError(
    'malformed_response',
    `google-workspace ${ENDPOINT}: malformed policy${where ? ` at ${where}` : ''}: ${problem}`,
    { provider: 'google-workspace', endpoint: ENDPOINT, field: where || null },
  );
}

/** Validates one policy; the error names the offending field (`policies[3].setting.type`). */
export function parseCloudIdentityPolicy(raw: unknown, prefix = ''): CloudIdentityPolicy {
  const parsed = CloudIdentityPolicy.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map(String).join('.');
  throw malformed([prefix, path].filter(Boolean).join('.'), issue?.message ?? 'invalid');
}

/** `orgUnits/03ph8a2z1`, `id:03ph8a2z1` and `03ph8a2z1` all name the same org unit. */
export function orgUnitId(value: string): string {
  return value.replace(/^orgUnits\//, '').replace(/^id:/, '');
}

/** One policy (as `policies.list` or `policies.get` returns it) → its setting asset. */
export function normalizePolicy(raw: unknown, observedAt: string, rootOrgUnit: string): AssetInput {
  return toSettingAsset(parseCloudIdentityPolicy(raw), observedAt, rootOrgUnit);
}

function toSettingAsset(policy: CloudIdentityPolicy, observedAt: string, rootOrgUnit: string): AssetInput {
  const type = policy.setting.type.replace(/^settings\//, '');
  const orgUnit = policy.policyQuery.orgUnit || null;
  const group = policy.policyQuery.group || null;
  // A policy without an org unit applies customer-wide (ScubaGoggles reads it the same way).
  const root = !group && (orgUnit === null || orgUnitId(orgUnit) === orgUnitId(rootOrgUnit));
  return {
    provider: 'google-workspace',
    kind: 'setting',
    externalId: policy.name,
    name: `${type} @ ${group ?? orgUnit ?? 'customer'}`,
    url: null,
    observedAt,
    settingType: `google-workspace.${type}`,
    scope: root ? 'tenant' : 'object',
    values: { ...(policy.setting.value ?? {}) },
    attributes: {
      orgUnit,
      group,
      sortOrder: policy.policyQuery.sortOrder ?? null,
      policyType: policy.type ?? null,
    },
  };
}

/** One `policies.list` page → its setting assets and the next page token (null on the last page). */
export function normalizePolicyPage(
  body: unknown,
  observedAt: string,
  rootOrgUnit: string,
): { assets: AssetInput[]; nextPageToken: string | null } {
  const page = CloudIdentityPolicyPage.safeParse(body);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw malformed((issue?.path ?? []).map(String).join('.'), issue?.message ?? 'invalid');
  }
  const assets = (page.data.policies ?? []).map((raw, i) =>
    toSettingAsset(parseCloudIdentityPolicy(raw, `policies[${i}]`), observedAt, rootOrgUnit),
  );
  return { assets, nextPageToken: page.data.nextPageToken || null };
}
