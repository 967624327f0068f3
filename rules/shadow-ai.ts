/**
 * Shared reading of an OAuth grant to a catalogued AI app for the `common/shadow-ai-*` rules:
 * the catalog entry, the tenant's approval status and the evidence both rules report. Lives
 * beside define-rule.ts, not in rules/common/, because every file in a rule folder is a rule.
 */
import type { AiApp } from '../scanner/ai-catalog/index.ts';
import type { OAuthGrantAsset } from '../scanner/model.ts';
import { type AppApprovalStatus, approvalOf } from '../scanner/policy.ts';
import type { RuleContext } from './define-rule.ts';

export interface AiGrant {
  catalogId: string;
  /** Undefined when the asset names an id this catalog no longer has (an older scan's verdict). */
  app: AiApp | undefined;
  approval: AppApprovalStatus;
}

/** The grant's AI app and approval status, or null when the app is not a catalogued AI app. */
export function aiGrantOf(asset: OAuthGrantAsset, ctx: RuleContext): AiGrant | null {
  if (!asset.aiCatalogId) return null;
  return {
    catalogId: asset.aiCatalogId,
    app: ctx.catalog.get(asset.aiCatalogId),
    approval: approvalOf(ctx.policy, asset),
  };
}

export function aiGrantEvidence(asset: OAuthGrantAsset, grant: AiGrant): Record<string, unknown> {
  return {
    app: grant.catalogId,
    vendor: grant.app?.vendor ?? null,
    product: grant.app?.product ?? asset.appName,
    category: grant.app?.category ?? null,
    vendorAppId: asset.appId,
    principal: asset.principal,
    principalType: asset.principalType,
    scopes: asset.scopes,
    scopeRisk: asset.scopeRisk,
    approval: grant.approval,
  };
}
