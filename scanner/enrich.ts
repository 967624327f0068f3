/**
 * Fills the model fields connectors leave to shared knowledge before assets are stored and
 * rules run: which AI-catalog app an app or grant is (`aiCatalogId`) and how risky a grant's
 * scopes are (`scopeRisk`). Values a connector set itself are kept: it knows its vendor best.
 *
 * This is the scan's hot path (a tenant has thousands of grants to a few dozen apps), so one
 * enricher lives for one scan and remembers each app's classification and each scope set's risk.
 */
import { type AiCatalog, aiCatalog } from './ai-catalog/index.ts';
import type { Asset, OAuthGrantAsset, ScopeRisk } from './model.ts';
import { highestScopeRisk } from './scope-risk/index.ts';

export type AssetEnricher = (assets: Asset[]) => void;

export function createAssetEnricher(catalog: AiCatalog = aiCatalog): AssetEnricher {
  const byApp = new Map<string, string | null>();
  const byScopes = new Map<string, ScopeRisk | null>();

  // Grants carry only the app's id and display name; an app asset seen earlier may have been
  // recognised by publisher or domain, so its verdict is shared with the grants of the same id.
  const classifyGrant = (grant: OAuthGrantAsset): string | null => {
    const key = `${grant.provider}\u0000${grant.appId}`;
    const known = byApp.get(key);
    if (known) return known;
    const nameKey = `${key}\u0000${grant.appName}`;
    if (byApp.has(nameKey)) return byApp.get(nameKey) ?? null;
    const match = catalog.classify({
      provider: grant.provider,
      appId: grant.appId,
      name: grant.appName,
      publisher: null,
      domains: [],
    });
    byApp.set(nameKey, match?.app.id ?? null);
    return match?.app.id ?? null;
  };

  const scopeRiskOf = (grant: OAuthGrantAsset): ScopeRisk | null => {
    const key = `${grant.provider}\u0000${grant.scopes.join(' ')}`;
    if (!byScopes.has(key)) byScopes.set(key, highestScopeRisk(grant.provider, grant.scopes)?.risk ?? null);
    return byScopes.get(key) ?? null;
  };

  return (assets) => {
    for (const asset of assets) {
      if (asset.kind === 'app' && asset.aiCatalogId === null) {
        // Apps are few per tenant: classify each one on all its evidence, no cache needed.
        const id = catalog.classify(asset)?.app.id ?? null;
        asset.aiCatalogId = id;
        if (id) byApp.set(`${asset.provider}\u0000${asset.appId}`, id);
      } else if (asset.kind === 'oauth_grant') {
        if (asset.aiCatalogId === null) asset.aiCatalogId = classifyGrant(asset);
        if (asset.scopeRisk === null && asset.scopes.length > 0) asset.scopeRisk = scopeRiskOf(asset);
      }
    }
  };
}
