/** The rule catalog as the API shows it, and framework lookups over it. */
import { z } from 'zod';
import type { Rule as RuleDefinition } from '../../rules/define-rule.ts';
import { AssetKind, Severity } from '../../scanner/model.ts';

export const Rule = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    remediation: z.string(),
    severity: Severity,
    provider: z.string(),
    kind: AssetKind,
    type: z.enum(['asset', 'tenant']).describe('asset: judged per asset; tenant: over the whole tenant'),
    references: z.array(z.string()),
    frameworks: z.record(z.string(), z.array(z.string())).describe('framework id → control ids'),
  })
  .meta({ id: 'Rule' });
export type Rule = z.infer<typeof Rule>;

export function toApiRule(rule: RuleDefinition): Rule {
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    remediation: rule.remediation,
    severity: rule.severity,
    provider: rule.provider,
    kind: rule.kind,
    type: rule.type,
    references: rule.references,
    frameworks: rule.frameworks,
  };
}

/** `soc2` matches rules mapped to any SOC 2 control; `soc2:CC6.1` to that control. */
export function matchesFramework(rule: RuleDefinition, framework: string): boolean {
  const [id, control] = framework.split(':', 2) as [string, string | undefined];
  const controls = rule.frameworks[id];
  if (!controls) return false;
  return control === undefined || controls.includes(control);
}

export function ruleIdsOfFramework(rules: RuleDefinition[], framework: string): string[] {
  return rules.filter((r) => matchesFramework(r, framework)).map((r) => r.id);
}
