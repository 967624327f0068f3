/**
 * The common model. Connectors map vendor JSON into these kinds; everything after a connector
 * (store, rules, reconcile, export, API) speaks only this model. Timestamps are ISO-8601 strings
 * so assets round-trip through JSONB unchanged. Secrets never enter the model: keys carry a hint.
 */
import { z } from 'zod';

export const providers = [
  'github',
  'google-workspace',
  'microsoft-365',
  'openai',
  'anthropic',
  'gemini',
] as const;
export const Provider = z.enum(providers);
export type Provider = z.infer<typeof Provider>;

export const assetKinds = ['identity', 'app', 'oauth_grant', 'setting', 'file', 'api_key'] as const;
export const AssetKind = z.enum(assetKinds);
export type AssetKind = z.infer<typeof AssetKind>;

export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const Severity = z.enum(severities);
export type Severity = z.infer<typeof Severity>;

/** How risky a set of OAuth scopes / permissions is. */
export const ScopeRisk = z.enum(['low', 'medium', 'high', 'critical']);
export type ScopeRisk = z.infer<typeof ScopeRisk>;

const isoTime = z.iso.datetime({ offset: true });
const nullableTime = isoTime.nullable();

/** Vendor-only detail: small, flat-ish, never the raw response and never a secret. */
const Attributes = z.record(z.string(), z.unknown());

const assetBase = {
  provider: Provider,
  externalId: z.string().min(1),
  name: z.string(),
  url: z.string().nullable().default(null),
  observedAt: isoTime,
  attributes: Attributes.default({}),
};

export const IdentityAsset = z.object({
  ...assetBase,
  kind: z.literal('identity'),
  identityType: z.enum(['user', 'guest', 'outside_collaborator', 'service_account', 'bot']),
  email: z.string().nullable().default(null),
  role: z.string().nullable().default(null),
  isAdmin: z.boolean(),
  /** null = unknown (the vendor did not tell us); rules must not treat unknown as false. */
  mfaEnabled: z.boolean().nullable(),
  suspended: z.boolean().default(false),
  external: z.boolean().default(false),
  lastLoginAt: nullableTime.default(null),
  createdAt: nullableTime.default(null),
});

export const AppAsset = z.object({
  ...assetBase,
  kind: z.literal('app'),
  /** The vendor's app identifier: OAuth client id, Entra appId, GitHub App slug. */
  appId: z.string(),
  publisher: z.string().nullable().default(null),
  publisherVerified: z.boolean().nullable().default(null),
  domains: z.array(z.string()).default([]),
  scopeRisk: ScopeRisk.nullable().default(null),
  /** Id of the AI-app catalog entry this app was recognised as, if any. */
  aiCatalogId: z.string().nullable().default(null),
});

export const OAuthGrantAsset = z.object({
  ...assetBase,
  kind: z.literal('oauth_grant'),
  appId: z.string(),
  appName: z.string(),
  /** Who granted: a user id/login, or null when the grant is tenant- or org-wide. */
  principal: z.string().nullable(),
  principalType: z.enum(['user', 'tenant', 'organization']),
  scopes: z.array(z.string()),
  scopeRisk: ScopeRisk.nullable().default(null),
  /** The grant covers every resource of its kind (e.g. all repositories). */
  allResources: z.boolean().default(false),
  createdAt: nullableTime.default(null),
  lastUsedAt: nullableTime.default(null),
  expiresAt: nullableTime.default(null),
  aiCatalogId: z.string().nullable().default(null),
});

export const SettingAsset = z.object({
  ...assetBase,
  kind: z.literal('setting'),
  /** What the setting describes, `<provider>.<object>`: 'github.org', 'github.webhook' … Rules select on it. */
  settingType: z.string(),
  scope: z.enum(['tenant', 'organization', 'project', 'workspace', 'repository', 'object']),
  /** Normalized values (camelCase keys); null means the vendor did not disclose the value. */
  values: z.record(z.string(), z.unknown()),
});

export const Exposure = z.enum(['public', 'anyone_with_link', 'external', 'domain', 'internal', 'private']);
export type Exposure = z.infer<typeof Exposure>;

export const FileAsset = z.object({
  ...assetBase,
  kind: z.literal('file'),
  owner: z.string().nullable().default(null),
  mimeType: z.string().nullable().default(null),
  sizeBytes: z.number().int().nonnegative().nullable().default(null),
  exposure: Exposure,
  exposureAccess: z.enum(['edit', 'view']).nullable().default(null),
  sharedWithDomains: z.array(z.string()).default([]),
  linkExpiresAt: nullableTime.default(null),
  modifiedAt: nullableTime.default(null),
  dlp: z
    .object({
      status: z.enum(['not_inspected', 'unsupported', 'clean', 'matched']),
      profiles: z.array(z.string()).default([]),
      detectors: z
        .array(
          z.object({
            id: z.string(),
            count: z.number().int(),
            confidence: z.enum(['low', 'medium', 'high']).optional(),
            hint: z.string().nullable(),
          }),
        )
        .default([]),
      /** The content version inspected (see db/asset-dlp.ts); a changed file is inspected again. */
      inspectedVersion: z.string().nullable().default(null),
      bytesScanned: z.number().int().nonnegative().optional(),
      truncated: z.boolean().optional(),
    })
    .nullable()
    .default(null),
});

export const ApiKeyAsset = z.object({
  ...assetBase,
  kind: z.literal('api_key'),
  keyType: z.string(),
  owner: z.string().nullable().default(null),
  /** Redacted hint only (last characters or a fingerprint), never the key. */
  hint: z.string().nullable().default(null),
  scopes: z.array(z.string()).default([]),
  access: z.enum(['read', 'write', 'admin']).nullable().default(null),
  createdAt: nullableTime.default(null),
  /** null with usageTracked=true means never used; usageTracked=false means the vendor does not report use. */
  lastUsedAt: nullableTime.default(null),
  usageTracked: z.boolean().default(true),
  expiresAt: nullableTime.default(null),
});

export const Asset = z.discriminatedUnion('kind', [
  IdentityAsset,
  AppAsset,
  OAuthGrantAsset,
  SettingAsset,
  FileAsset,
  ApiKeyAsset,
]);

export type Asset = z.infer<typeof Asset>;
/** What a connector builds: defaults may be omitted. */
export type AssetInput = z.input<typeof Asset>;
export type IdentityAsset = z.infer<typeof IdentityAsset>;
export type AppAsset = z.infer<typeof AppAsset>;
export type OAuthGrantAsset = z.infer<typeof OAuthGrantAsset>;
export type SettingAsset = z.infer<typeof SettingAsset>;
export type FileAsset = z.infer<typeof FileAsset>;
export type ApiKeyAsset = z.infer<typeof ApiKeyAsset>;
export type AssetOfKind<K extends AssetKind> = Extract<Asset, { kind: K }>;

/** `provider:kind:externalId`, the asset's identity across scans. */
export function assetKey(asset: Pick<Asset, 'provider' | 'kind' | 'externalId'>): string {
  return `${asset.provider}:${asset.kind}:${asset.externalId}`;
}

/** Validates a connector's output; a connector bug surfaces as a named error, not a bad row. */
export function parseAsset(input: AssetInput): Asset {
  const result = Asset.safeParse(input);
  if (!result.success) {
    const where = `${String(input.provider)}:${String(input.kind)}:${String(input.externalId)}`;
    throw new Error(`invalid ${where} asset: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}
