/**
 * Builders for rule tests: model assets parsed through `parseAsset` (so tests exercise the real
 * schema and its defaults) and a `check` that applies a rule the way the engine does.
 */
import type { AssetRule, RuleOptions, Violation } from '../../rules/define-rule.ts';
import { aiCatalog } from '../../scanner/ai-catalog/index.ts';
import {
  type ApiKeyAsset,
  type AssetInput,
  type AssetKind,
  type AssetOfKind,
  type FileAsset,
  type IdentityAsset,
  type OAuthGrantAsset,
  parseAsset,
  type SettingAsset,
} from '../../scanner/model.ts';
import { parsePolicy, type TenantPolicy } from '../../scanner/policy.ts';

/** The scan clock every rule test uses. */
export const now = new Date('2026-09-01T00:00:00Z');
const observedAt = now.toISOString();

/** An ISO timestamp `days` before `now`. */
export function daysAgo(days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

/** Model fields a test sets; provider defaults to github. */
type Fields<T> = Partial<Omit<T, 'kind'>>;

function parsed<K extends AssetKind>(kind: K, input: Record<string, unknown>): AssetOfKind<K> {
  const asset = parseAsset({ provider: 'github', observedAt, ...input, kind } as AssetInput);
  if (asset.kind !== kind) throw new Error(`expected ${kind}`);
  return asset as AssetOfKind<K>;
}

export function setting(
  settingType: string,
  values: Record<string, unknown>,
  fields: Fields<SettingAsset> = {},
) {
  return parsed('setting', {
    externalId: `${settingType}:1`,
    name: 'acme',
    scope: 'organization',
    settingType,
    values,
    ...fields,
  });
}

export function identity(fields: Fields<IdentityAsset> = {}) {
  return parsed('identity', {
    externalId: '1001',
    name: 'octocat',
    identityType: 'user',
    isAdmin: false,
    mfaEnabled: true,
    ...fields,
  });
}

export function grant(fields: Fields<OAuthGrantAsset> = {}) {
  return parsed('oauth_grant', {
    externalId: 'installation:1',
    name: 'ci-bot',
    appId: 'ci-bot',
    appName: 'ci-bot',
    principal: null,
    principalType: 'organization',
    scopes: [],
    ...fields,
  });
}

/** Takes the schema's input shape: the DLP result's defaults may be left out. */
export function file(fields: Partial<Omit<Extract<AssetInput, { kind: 'file' }>, 'kind'>> = {}) {
  return parsed('file', {
    externalId: 'file:1',
    name: 'customers.csv',
    owner: 'alice@acme.example',
    exposure: 'private',
    ...fields,
  });
}

/**
 * The evidence a `common/file-*` sharing rule reports on a `file()` with the default owner and no
 * link expiry: its exposure, access and external domains.
 */
export function fileSharingEvidence(asset: FileAsset) {
  return {
    exposure: asset.exposure,
    access: asset.exposureAccess,
    sharedWithDomains: asset.sharedWithDomains,
    owner: 'alice@acme.example',
    linkExpiresAt: null,
  };
}

/** A DLP result as the engine stores it on a file. */
export function dlpMatch(
  profiles: string[],
  detectors = [{ id: 'email-address', count: 3, hint: 'a***@example.com' }],
) {
  return { status: 'matched' as const, profiles, detectors };
}

export function apiKey(fields: Fields<ApiKeyAsset> = {}) {
  return parsed('api_key', {
    externalId: 'pat:1',
    name: 'token',
    keyType: 'github_fine_grained_pat',
    ...fields,
  });
}

/** A Google Workspace directory user as the connector maps it (connectors/google-workspace/MODEL.md). */
export function gwsUser(fields: Fields<IdentityAsset> = {}, attributes: Record<string, unknown> = {}) {
  return identity({
    provider: 'google-workspace',
    externalId: '104',
    name: 'Alice Doe',
    email: 'alice@acme.example',
    lastLoginAt: daysAgo(2),
    createdAt: daysAgo(700),
    ...fields,
    attributes: {
      superAdmin: false,
      delegatedAdmin: false,
      enrolledIn2Sv: fields.mfaEnabled === undefined ? true : fields.mfaEnabled,
      enforcedIn2Sv: false,
      archived: false,
      orgUnitPath: '/Staff',
      neverLoggedIn: false,
      ...attributes,
    },
  });
}

/** A Google OAuth token one user granted (`<userId>:<clientId>`). */
export function gwsGrant(fields: Fields<OAuthGrantAsset> = {}, attributes: Record<string, unknown> = {}) {
  const appId = fields.appId ?? '1234-notes.apps.googleusercontent.com';
  return grant({
    provider: 'google-workspace',
    externalId: `104:${appId}`,
    name: 'Acme Notes',
    appId,
    appName: 'Acme Notes',
    principal: 'alice@acme.example',
    principalType: 'user',
    scopes: ['openid'],
    ...fields,
    attributes: {
      userId: '104',
      nativeApp: false,
      anonymous: false,
      principalSuspended: false,
      ...attributes,
    },
  });
}

/** Google Workspace policy targets the settings-rule tests share: the root OU, an OU and a group. */
export const GWS_ROOT = 'orgUnits/03ph8a2z1';
export const GWS_OU = 'orgUnits/03ph8a2z2kq7b1e';
export const GWS_GROUP = 'groups/01ci93xb3tmzyin';

/** Where a policy applies: the root OU, `GWS_OU`, a group on the root OU, or a named OU. */
export type GwsPolicyTarget = 'root' | 'ou' | 'group' | `orgUnits/${string}`;

/**
 * A Google Workspace policy setting as the connector maps it: the root OU's policy has scope
 * `tenant`, an OU or group override scope `object` (connectors/google-workspace/MODEL.md).
 */
export function gwsPolicy(
  settingType: string,
  values: Record<string, unknown>,
  where: GwsPolicyTarget = 'root',
) {
  const orgUnit = where === 'ou' ? GWS_OU : where.startsWith('orgUnits/') ? where : GWS_ROOT;
  const root = where === 'root' || where === GWS_ROOT;
  return setting(settingType, values, {
    provider: 'google-workspace',
    scope: root ? 'tenant' : 'object',
    attributes: {
      orgUnit,
      group: where === 'group' ? GWS_GROUP : null,
      sortOrder: root ? 1 : 2,
      policyType: 'ADMIN',
    },
  });
}

/** `gwsPolicy` for one setting type, as a rule's tests build it: `(values, where?, settingType?)`. */
export function gwsPolicyOf(settingType: string) {
  return (values: Record<string, unknown>, where: GwsPolicyTarget = 'root', type = settingType) =>
    gwsPolicy(type, values, where);
}

/** Applies a rule as the engine does: appliesTo first, then evaluate with merged options. */
export function check<K extends AssetKind, O extends RuleOptions>(
  rule: AssetRule<K, O>,
  asset: AssetOfKind<K>,
  overrides: { options?: Partial<O>; policy?: Partial<TenantPolicy> } = {},
): Violation | null {
  if (rule.appliesTo && !rule.appliesTo(asset)) return null;
  const policy = parsePolicy(overrides.policy ?? {});
  return rule.evaluate(asset, {
    now,
    policy,
    catalog: aiCatalog,
    options: { ...rule.options, ...overrides.options },
  });
}

/** A Microsoft Entra user as the Microsoft 365 connector maps it (connectors/microsoft-365/MODEL.md). */
export function m365User(fields: Fields<IdentityAsset> = {}, attributes: Record<string, unknown> = {}) {
  return identity({
    provider: 'microsoft-365',
    externalId: '6f1c2a9e-0d4b-4e8a-9a51-3c2b7e1d0f10',
    name: 'Alice Doe',
    email: 'alice@contoso.example',
    lastLoginAt: daysAgo(2),
    createdAt: daysAgo(700),
    ...fields,
    attributes: {
      roles: [],
      privilegedRoles: [],
      mfaCapable: fields.mfaEnabled !== false,
      methodsRegistered: fields.mfaEnabled === false ? [] : ['microsoftAuthenticatorPush'],
      signInTracked: true,
      ...attributes,
    },
  });
}

/** A Microsoft 365 tenant setting (`microsoft-365.<object>`, scope tenant). */
export function m365Setting(object: string, values: Record<string, unknown>) {
  return setting(`microsoft-365.${object}`, values, {
    provider: 'microsoft-365',
    externalId: object,
    name: object,
    scope: 'tenant',
  });
}

/** An Entra application credential (`<application id>:<keyId>`): a client secret unless keyType says otherwise. */
export function m365Credential(fields: Fields<ApiKeyAsset> = {}, attributes: Record<string, unknown> = {}) {
  return apiKey({
    provider: 'microsoft-365',
    externalId: '0a1b2c3d-0000-4000-8000-000000000001:9f8e7d6c-0000-4000-8000-000000000002',
    name: 'Contoso Sync: ci',
    keyType: 'client_secret',
    owner: '11111111-2222-4333-8444-555555555555',
    hint: 'Q~x',
    usageTracked: false,
    createdAt: daysAgo(30),
    expiresAt: new Date(now.getTime() + 60 * 86_400_000).toISOString(),
    ...fields,
    attributes: {
      appId: '11111111-2222-4333-8444-555555555555',
      appName: 'Contoso Sync',
      privileged: false,
      ...attributes,
    },
  });
}

/** A delegated consent grant one user gave (consentType Principal) to a third-party app. */
export function m365Grant(fields: Fields<OAuthGrantAsset> = {}, attributes: Record<string, unknown> = {}) {
  return grant({
    provider: 'microsoft-365',
    externalId: 'oAuth2PermissionGrant-1',
    name: 'Mail Helper',
    appId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    appName: 'Mail Helper',
    principal: 'alice@contoso.example',
    principalType: 'user',
    scopes: ['openid', 'User.Read'],
    scopeRisk: 'low',
    ...fields,
    attributes: {
      clientId: '0c0c0c0c-0000-4000-8000-000000000003',
      resource: 'Microsoft Graph',
      consentType: fields.principalType === 'tenant' ? 'AllPrincipals' : 'Principal',
      publisherVerified: false,
      thirdParty: true,
      ...attributes,
    },
  });
}
