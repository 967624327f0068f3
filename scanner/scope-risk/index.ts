/**
 * How risky an OAuth scope or app permission is, per provider. The tables are data
 * (google.json, microsoft.json, github.json); the fallbacks for scopes they do not list are
 * documented in rate.ts. Connectors set `scopeRisk` on app and oauth_grant assets from
 * `highestScopeRisk`.
 */
import type { Provider, ScopeRisk } from '../model.ts';
import { rateGithub, rateGoogle, rateMicrosoft, riskRank } from './rate.ts';
import type { Rating } from './table.ts';

export type { Rating } from './table.ts';

const raters: Partial<Record<Provider, (scope: string) => Rating | null>> = {
  'google-workspace': rateGoogle,
  'microsoft-365': rateMicrosoft,
  github: rateGithub,
};

/** The rating of one scope, or null when the provider or the scope is unknown. */
export function rateScope(provider: Provider, scope: string): { risk: ScopeRisk; reason: string } | null {
  const rate = raters[provider];
  return rate ? rate(scope) : null;
}

/**
 * The highest rating among `scopes`, with `scope: reason` for each scope at that level.
 * Unknown scopes do not count; null when none of the scopes could be rated (or there are none).
 */
export function highestScopeRisk(
  provider: Provider,
  scopes: readonly string[],
): { risk: ScopeRisk; reasons: string[] } | null {
  let top: { risk: ScopeRisk; reasons: string[] } | null = null;
  for (const scope of new Set(scopes)) {
    const rating = rateScope(provider, scope);
    if (!rating) continue;
    const line = `${scope}: ${rating.reason}`;
    if (!top || riskRank(rating.risk) > riskRank(top.risk)) top = { risk: rating.risk, reasons: [line] };
    else if (rating.risk === top.risk) top.reasons.push(line);
  }
  return top;
}
