/**
 * Runs the catalog against assets. Rules are indexed once per scan by provider and kind so the
 * hot path is a map lookup and a loop; a rule that throws is recorded and never resolves anything.
 */
import type { Observation } from '../db/findings.ts';
import {
  type AssetRule,
  type Rule,
  type RuleContext,
  RuleNotEvaluated,
  type TenantRule,
} from '../rules/define-rule.ts';
import { type AiCatalog, aiCatalog } from './ai-catalog/index.ts';
import { type Asset, type AssetKind, assetKey, type Provider, type Severity } from './model.ts';
import type { TenantPolicy } from './policy.ts';

export interface RuleIndex {
  byKind: Map<AssetKind, AssetRule[]>;
  tenantRules: TenantRule[];
  all: Rule[];
  contextOf(rule: Rule): RuleContext;
  /** The severity a finding gets: the tenant's override for the rule, else the rule's own verdict. */
  severityOf(rule: Rule, computed: Severity | undefined): Severity;
}

export function buildRuleIndex(
  ruleCatalog: Rule[],
  provider: Provider,
  policy: TenantPolicy,
  now: Date,
  catalog: AiCatalog = aiCatalog,
): RuleIndex {
  const byKind = new Map<AssetKind, AssetRule[]>();
  const tenantRules: TenantRule[] = [];
  const all: Rule[] = [];
  const contexts = new Map<string, RuleContext>();
  for (const rule of ruleCatalog) {
    if (rule.provider !== provider && rule.provider !== 'common') continue;
    if (policy.disabledRules.includes(rule.id)) continue;
    all.push(rule);
    contexts.set(rule.id, {
      now,
      policy,
      catalog,
      options: { ...rule.options, ...policy.ruleOptions[rule.id] },
    });
    if (rule.type === 'tenant') tenantRules.push(rule);
    else byKind.set(rule.kind, [...(byKind.get(rule.kind) ?? []), rule]);
  }
  return {
    byKind,
    tenantRules,
    all,
    contextOf: (rule) => contexts.get(rule.id)!,
    severityOf: (rule, computed) => policy.severityOverrides[rule.id] ?? computed ?? rule.severity,
  };
}

export interface EvaluationResult {
  /** (rule, asset) pairs the rule could not judge: their existing findings are kept, not resolved. */
  kept?: Array<{ ruleId: string; assetKey: string }>;
  observations: Observation[];
  /** ruleId → why the rule is not evaluated (its first error, or its own RuleNotEvaluated reason). */
  errors: Map<string, string>;
}

export function evaluateAssets(index: RuleIndex, assets: Asset[], into: EvaluationResult): void {
  for (const asset of assets) {
    const candidates = index.byKind.get(asset.kind);
    if (!candidates) continue;
    for (const rule of candidates) {
      try {
        if (rule.evidenceAvailable && !rule.evidenceAvailable(asset)) {
          into.kept?.push({ ruleId: rule.id, assetKey: assetKey(asset) });
          continue;
        }
        if (rule.appliesTo && !rule.appliesTo(asset)) continue;
        const violation = rule.evaluate(asset, index.contextOf(rule));
        if (!violation) continue;
        into.observations.push({
          ruleId: rule.id,
          title: rule.title,
          severity: index.severityOf(rule, violation.severity),
          provider: asset.provider,
          asset: {
            key: assetKey(asset),
            kind: asset.kind,
            externalId: asset.externalId,
            name: asset.name,
            url: asset.url,
          },
          evidence: violation.evidence,
        });
      } catch (error) {
        if (!into.errors.has(rule.id)) into.errors.set(rule.id, notEvaluatedReason(error));
      }
    }
  }
}

/** Why a rule that threw is not evaluated: its own reason, or the error it hit. */
export function notEvaluatedReason(error: unknown): string {
  if (error instanceof RuleNotEvaluated) return error.reason;
  return `rule_error: ${error instanceof Error ? error.message : String(error)}`;
}

/** The streams a rule depends on: declared, or every stream of the connector that yields its kind. */
export function streamsForRule(rule: Rule, streams: Array<{ name: string; kinds: AssetKind[] }>): string[] {
  if (rule.streams) return rule.streams;
  return streams.filter((s) => s.kinds.includes(rule.kind)).map((s) => s.name);
}
