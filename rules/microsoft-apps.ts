/**
 * Shared reading of Microsoft Entra applications for the `microsoft-365/app-*`, `secret-*` and
 * grant rules: an application credential's lifetime and expiry (api_key), the high-risk scopes of
 * a consent grant or app-role assignment (oauth_grant), the tenant's approval and the evidence
 * they report. Lives beside define-rule.ts, not in rules/microsoft-365/, because every file in a
 * rule folder is a rule.
 */
import type { ApiKeyAsset, OAuthGrantAsset, ScopeRisk } from '../scanner/model.ts';
import { approvalOf, type TenantPolicy } from '../scanner/policy.ts';
import { rateScope } from '../scanner/scope-risk/index.ts';

// ---- application credentials (api_key)

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Days from the credential's start to its end: from the dates when both are known, else the
 * connector's `lifetimeDays`; Infinity when it never expires; null when unknown.
 */
export function lifetimeDays(asset: ApiKeyAsset): number | null {
  if (asset.createdAt && asset.expiresAt) {
    return (new Date(asset.expiresAt).getTime() - new Date(asset.createdAt).getTime()) / 86_400_000;
  }
  const reported = asset.attributes.lifetimeDays;
  if (typeof reported === 'number' && Number.isFinite(reported)) return reported;
  if (asset.expiresAt === null) return Number.POSITIVE_INFINITY;
  return null;
}

/** The credential's end date has passed: it can no longer sign the app in. */
export function isExpired(asset: ApiKeyAsset, now: Date): boolean {
  return asset.expiresAt !== null && new Date(asset.expiresAt).getTime() <= now.getTime();
}

/** Which app holds the credential, which credential it is (name and redacted hint), and its dates. */
export function credentialEvidence(asset: ApiKeyAsset): Record<string, unknown> {
  const lifetime = lifetimeDays(asset);
  return {
    app: text(asset.attributes.appName) ?? asset.owner,
    appId: text(asset.attributes.appId) ?? asset.owner,
    credential: asset.name,
    keyType: asset.keyType,
    hint: asset.hint,
    createdAt: asset.createdAt,
    expiresAt: asset.expiresAt,
    lifetimeDays: lifetime === null || !Number.isFinite(lifetime) ? null : Math.round(lifetime),
  };
}

// ---- consent grants and app-role assignments (oauth_grant)

const highRisks: ReadonlySet<ScopeRisk> = new Set(['high', 'critical']);

/** Scope risk high or critical, as the scanner's enrichment rated the grant. */
export function isHighRisk(asset: OAuthGrantAsset): boolean {
  return asset.scopeRisk !== null && highRisks.has(asset.scopeRisk);
}

/**
 * The grant's scopes rated high or critical (what made its scope risk high). All scopes when
 * none of them rates that high on its own, so the evidence never comes out empty.
 */
export function highRiskScopes(asset: OAuthGrantAsset): string[] {
  const risky = asset.scopes.filter((scope) => {
    const rating = rateScope('microsoft-365', scope);
    return rating !== null && highRisks.has(rating.risk);
  });
  return risky.length > 0 ? risky : asset.scopes;
}

/** The tenant approved the app (by AI-catalog id or `microsoft-365:<appId>`): the app rules stay quiet. */
export function isApprovedApp(asset: OAuthGrantAsset, policy: TenantPolicy): boolean {
  return approvalOf(policy, asset) === 'approved';
}

/** App, who granted it (a user, or the whole tenant), on which API, the risky scopes and the publisher. */
export function grantEvidence(asset: OAuthGrantAsset, scopes: string[]): Record<string, unknown> {
  const verified = asset.attributes.publisherVerified;
  return {
    app: asset.appName,
    appId: asset.appId,
    principal: asset.principal,
    principalType: asset.principalType,
    consentType: text(asset.attributes.consentType),
    resource: text(asset.attributes.resource),
    scopes,
    scopeRisk: asset.scopeRisk,
    publisherVerified: typeof verified === 'boolean' ? verified : null,
    thirdParty: asset.attributes.thirdParty === true,
    createdAt: asset.createdAt,
  };
}
