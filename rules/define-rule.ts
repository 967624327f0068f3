/**
 * How a rule is declared. A rule is metadata plus a pure function of one asset (or, for the
 * few tenant-wide rules, of SQL aggregates). No I/O, no clock, no env: `ctx.now` is the scan's
 * clock and thresholds are options with defaults that tenant policy may override.
 */
import type { AiCatalog } from '../scanner/ai-catalog/index.ts';
import type { AssetKind, AssetOfKind, Provider, Severity } from '../scanner/model.ts';
import type { TenantPolicy } from '../scanner/policy.ts';

export type RuleOptions = Record<string, unknown>;

export interface RuleContext<O extends RuleOptions = RuleOptions> {
  now: Date;
  policy: TenantPolicy;
  options: O;
  /** The AI-app catalog, handed in so rules that recognise AI apps stay pure. */
  catalog: AiCatalog;
}

export interface Violation {
  /** What was seen, for a human: values and names, never secrets. */
  evidence: Record<string, unknown>;
  /** Raise or lower the rule's default severity for this asset (e.g. a leaked secret that is still valid). */
  severity?: Severity;
}

export interface RuleMeta {
  /** `<folder>/<file name>`, stable forever. */
  id: string;
  /** States the secure condition ("Organization requires two-factor authentication"). */
  title: string;
  description: string;
  remediation: string;
  severity: Severity;
  /** The provider whose assets it reads, or 'common' for cross-provider rules. */
  provider: Provider | 'common';
  kind: AssetKind;
  /** Streams whose completion the rule depends on; default: every stream of the connector that yields `kind`. */
  streams?: string[];
  references: string[];
  /** Framework id → control ids, e.g. { cis: ['1.1.1'], soc2: ['CC6.1'] }. */
  frameworks: Record<string, string[]>;
}

export interface AssetRule<K extends AssetKind = AssetKind, O extends RuleOptions = RuleOptions>
  extends RuleMeta {
  type: 'asset';
  kind: K;
  options: O;
  /** Cheap pre-filter so `evaluate` only sees the assets it is about (e.g. one settingType). */
  appliesTo?: (asset: AssetOfKind<K>) => boolean;
  /**
   * False when the asset lacks what this rule reads (a file whose content is not inspected yet):
   * the rule is then not evaluated on it, and its findings on that asset stay as they are rather
   * than resolving. Missing evidence is never a pass.
   */
  evidenceAvailable?: (asset: AssetOfKind<K>) => boolean;
  evaluate(asset: AssetOfKind<K>, ctx: RuleContext<O>): Violation | null;
}

/** Aggregates a tenant-wide rule may ask for; answered by SQL over the scan's stored assets. */
export interface AggregateQuery {
  /** Assets of this connection matching kind and (for settings) settingType, filtered by top-level field equality. */
  count(filter: AssetFilter): Promise<number>;
  /** Keys and names of matching assets, at most `limit`. */
  list(
    filter: AssetFilter,
    limit: number,
  ): Promise<Array<{ key: string; kind: AssetKind; externalId: string; name: string; url: string | null }>>;
}

export interface AssetFilter {
  kind: AssetKind;
  settingType?: string;
  /** Top-level model fields that must equal these values (e.g. { isAdmin: true }). */
  where?: Record<string, string | number | boolean | null>;
}

export interface TenantFinding {
  asset: { kind: AssetKind; externalId: string; name: string; url: string | null };
  evidence: Record<string, unknown>;
  severity?: Severity;
}

export interface TenantRule<F = unknown, O extends RuleOptions = RuleOptions> extends RuleMeta {
  type: 'tenant';
  options: O;
  query(q: AggregateQuery, ctx: RuleContext<O>): Promise<F>;
  evaluate(facts: F, ctx: RuleContext<O>): TenantFinding[];
}

// biome-ignore lint/suspicious/noExplicitAny: the catalog holds rules of every kind and option shape
export type Rule = AssetRule<any, any> | TenantRule<any, any>;

type AssetRuleInput<K extends AssetKind, O extends RuleOptions> = Omit<
  AssetRule<K, O>,
  'type' | 'options'
> & {
  options?: O;
};
type TenantRuleInput<F, O extends RuleOptions> = Omit<TenantRule<F, O>, 'type' | 'options'> & { options?: O };

export function defineRule<K extends AssetKind, O extends RuleOptions = Record<string, never>>(
  rule: AssetRuleInput<K, O>,
): AssetRule<K, O> {
  return { ...rule, type: 'asset', options: rule.options ?? ({} as O) };
}

export function defineTenantRule<F, O extends RuleOptions = Record<string, never>>(
  rule: TenantRuleInput<F, O>,
): TenantRule<F, O> {
  return { ...rule, type: 'tenant', options: rule.options ?? ({} as O) };
}

/**
 * Thrown by a rule that cannot judge with what this connection collected (e.g. a usage window
 * shorter than the policy's threshold): the rule is reported not evaluated with `reason`, and its
 * findings are kept, not resolved. Missing evidence is never a pass.
 */
export class RuleNotEvaluated extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RuleNotEvaluated';
  }
}

/** Days between two instants, for the many "unused N days" rules. */
export function daysBetween(from: string | Date, to: Date): number {
  return (to.getTime() - new Date(from).getTime()) / 86_400_000;
}
