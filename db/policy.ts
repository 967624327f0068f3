/**
 * A tenant's policy (tenants.policy, JSON). Updates are patches: scalar and list fields replace,
 * keyed maps (app approvals, severity overrides, rule options, approved AI tools) merge key by key and a null value
 * removes the key. Both the patch and the merged result are validated, so a bad value is refused
 * with the field's name before anything is written.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { PeriscopeError } from '../scanner/errors.ts';
import { Severity } from '../scanner/model.ts';
import { AiTool, AppApprovalStatus, parsePolicy, TenantPolicy } from '../scanner/policy.ts';
import type { Database } from './client.ts';
import { tenants } from './schema.ts';

const fields = TenantPolicy.shape;

export const PolicyPatch = z
  .object({
    staleDays: fields.staleDays.unwrap().optional(),
    rotationDays: fields.rotationDays.unwrap().optional(),
    allowedDomains: fields.allowedDomains.unwrap().optional(),
    dlpProfiles: fields.dlpProfiles.unwrap().optional(),
    customDlpProfiles: fields.customDlpProfiles.unwrap().optional(),
    disabledRules: fields.disabledRules.unwrap().optional(),
    appApprovals: z.record(z.string().min(1), AppApprovalStatus.nullable()).optional(),
    severityOverrides: z.record(z.string(), Severity.nullable()).optional(),
    ruleOptions: z.record(z.string(), z.record(z.string(), z.unknown()).nullable()).optional(),
    requireZeroDataRetention: fields.requireZeroDataRetention.unwrap().optional(),
    requireModelAllowList: fields.requireModelAllowList.unwrap().optional(),
    approvedAiTools: z.record(z.string().min(1), z.array(AiTool).nullable()).optional(),
  })
  .strict();
export type PolicyPatch = z.input<typeof PolicyPatch>;

export async function getPolicy(db: Database, tenantId: string): Promise<TenantPolicy> {
  const [row] = await db.select({ policy: tenants.policy }).from(tenants).where(eq(tenants.id, tenantId));
  if (!row) throw new PeriscopeError('not_found', `no tenant with id ${tenantId}`);
  return parsePolicy(row.policy);
}

export async function updatePolicy(db: Database, tenantId: string, patch: unknown): Promise<TenantPolicy> {
  const parsedPatch = validate(PolicyPatch, patch);
  return db.transaction(async (tx) => {
    // Row lock: two concurrent patches (CLI and API) must not lose each other's keys.
    const [row] = await tx
      .select({ policy: tenants.policy })
      .from(tenants)
      .where(eq(tenants.id, tenantId))
      .for('update');
    if (!row) throw new PeriscopeError('not_found', `no tenant with id ${tenantId}`);
    const merged = validate(TenantPolicy, mergePolicy(row.policy, parsedPatch));
    await tx.update(tenants).set({ policy: merged }).where(eq(tenants.id, tenantId));
    return merged;
  });
}

const keyedMaps = ['appApprovals', 'severityOverrides', 'ruleOptions', 'approvedAiTools'] as const;

function mergePolicy(stored: Record<string, unknown>, patch: z.infer<typeof PolicyPatch>) {
  const merged: Record<string, unknown> = { ...stored, ...patch };
  for (const field of keyedMaps) {
    const changes = patch[field];
    if (!changes) continue;
    const map: Record<string, unknown> = { ...((stored[field] as Record<string, unknown>) ?? {}) };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete map[key];
      else map[key] = value;
    }
    merged[field] = map;
  }
  return merged;
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const keys = issue.code === 'unrecognized_keys' ? ` ${issue.keys.join(', ')}` : '';
    return `policy${path ? `.${path}` : ''}: ${issue.message}${keys}`;
  });
  throw new PeriscopeError('config_invalid', `invalid policy: ${problems.join('; ')}`);
}
