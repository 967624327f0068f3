/**
 * Tenant policy: the knobs a security team sets once per tenant. Rules read it through
 * `ctx.policy`; per-rule option overrides live in `ruleOptions[ruleId]`.
 */
import { z } from 'zod';

export const TenantPolicy = z.object({
  /** Days without use after which a credential or account counts as stale. */
  staleDays: z.number().int().positive().default(90),
  /** Days after which a credential should have been rotated. */
  rotationDays: z.number().int().positive().default(365),
  /** External domains files may be shared with. */
  allowedDomains: z.array(z.string()).default([]),
  /** Per-rule option overrides, keyed by rule id. */
  ruleOptions: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** Rules switched off for this tenant. */
  disabledRules: z.array(z.string()).default([]),
});

export type TenantPolicy = z.infer<typeof TenantPolicy>;

export function parsePolicy(raw: unknown): TenantPolicy {
  return TenantPolicy.parse(raw ?? {});
}
