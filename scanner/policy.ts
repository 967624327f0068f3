/**
 * Tenant policy: the knobs a security team sets once per tenant. Rules read it through
 * `ctx.policy`; per-rule option overrides live in `ruleOptions[ruleId]`. Stored as JSON in
 * `tenants.policy`; every field has a default so an empty object is a valid policy.
 */
import { z } from 'zod';
import { Severity } from './model.ts';

/** Where a security team stands on one third-party (AI) app. */
export const appApprovalStatuses = ['approved', 'unapproved', 'in_review', 'unreviewed'] as const;
export const AppApprovalStatus = z.enum(appApprovalStatuses);
export type AppApprovalStatus = z.infer<typeof AppApprovalStatus>;

/** The DLP engine's built-in profiles; all are on unless the tenant narrows the list. */
export const builtInDlpProfiles = ['pii', 'phi', 'financial', 'credentials', 'source-code'] as const;
export const BuiltInDlpProfile = z.enum(builtInDlpProfiles);

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, dashes)');

/** A tenant's own detector: regex patterns and/or keywords, reported once `threshold` matches are seen. */
export const CustomDlpProfile = z
  .object({
    id: kebabId.refine((id) => !(builtInDlpProfiles as readonly string[]).includes(id), {
      message: 'clashes with a built-in profile id',
    }),
    name: z.string().min(1),
    patterns: z
      .array(z.string().refine(compiles, { message: 'is not a valid regular expression' }))
      .default([]),
    keywords: z.array(z.string().min(1)).default([]),
    /** Matches needed in one file before the profile counts as matched. */
    threshold: z.number().int().positive().default(1),
  })
  .strict()
  .refine((p) => p.patterns.length + p.keywords.length > 0, {
    message: 'needs at least one pattern or keyword',
  });
export type CustomDlpProfile = z.infer<typeof CustomDlpProfile>;

/** Vendor-hosted AI tools a project or workspace can switch on (OpenAI's hosted tool permissions). */
export const aiTools = ['web_search', 'code_interpreter', 'mcp', 'file_search', 'image_generation'] as const;
export const AiTool = z.enum(aiTools);
export type AiTool = z.infer<typeof AiTool>;

/** `<folder>/<name>` rule ids, the keys of per-rule settings. */
const RuleId = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'is not a rule id (<folder>/<name>)');

export const TenantPolicy = z.object({
  /** Days without use after which a credential or account counts as stale. */
  staleDays: z.number().int().positive().default(90),
  /** Days after which a credential should have been rotated. */
  rotationDays: z.number().int().positive().default(365),
  /** External domains files may be shared with. */
  allowedDomains: z.array(z.string().min(1)).default([]),
  /**
   * Approval per app, keyed by AI-catalog id (`openai-chatgpt`) or, for apps the catalog does
   * not know, `<provider>:<appId>`. Absent means unreviewed.
   */
  appApprovals: z.record(z.string().min(1), AppApprovalStatus).default({}),
  /** Built-in DLP profiles switched on. Default: all. */
  dlpProfiles: z.array(BuiltInDlpProfile).default([...builtInDlpProfiles]),
  /** Inspect every file's content, not only files shared beyond their owner (and AI-vendor uploads). */
  dlpInspectAllFiles: z.boolean().default(false),
  /** The tenant's own DLP profiles; each is on while it exists. */
  customDlpProfiles: z.array(CustomDlpProfile).default([]),
  /** Rule id → severity every finding of that rule gets, whatever the rule computed. */
  severityOverrides: z.record(RuleId, Severity).default({}),
  /** Per-rule option overrides, keyed by rule id. */
  ruleOptions: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** Rules switched off for this tenant. */
  disabledRules: z.array(z.string()).default([]),
  /** AI vendors must run with zero data retention (OpenAI org and projects). */
  requireZeroDataRetention: z.boolean().default(false),
  /** AI projects must restrict models to an allow-list (OpenAI model permissions). */
  requireModelAllowList: z.boolean().default(false),
  /**
   * Hosted AI tools approved for use, keyed by scope: `*` (everywhere), a provider (`openai`) or
   * one project/workspace (`openai:proj_abc`). A risky tool enabled outside these is a finding.
   */
  approvedAiTools: z.record(z.string().min(1), z.array(AiTool)).default({}),
});

export type TenantPolicy = z.infer<typeof TenantPolicy>;

export function parsePolicy(raw: unknown): TenantPolicy {
  return TenantPolicy.parse(raw ?? {});
}

/** The approval status of an app: its catalog id wins, then `<provider>:<appId>`. */
export function approvalOf(
  policy: TenantPolicy,
  app: { aiCatalogId: string | null; provider: string; appId: string },
): AppApprovalStatus {
  const byCatalog = app.aiCatalogId ? policy.appApprovals[app.aiCatalogId] : undefined;
  return byCatalog ?? policy.appApprovals[`${app.provider}:${app.appId}`] ?? 'unreviewed';
}

/** Whether a tool is approved for one project or workspace of a provider (see approvedAiTools). */
export function aiToolApproved(
  policy: TenantPolicy,
  provider: string,
  scopeId: string,
  tool: AiTool,
): boolean {
  const scopes = ['*', provider, `${provider}:${scopeId}`];
  return scopes.some((scope) => policy.approvedAiTools[scope]?.includes(tool) ?? false);
}

/** Profile ids whose matches count for this tenant: enabled built-ins plus every custom profile. */
export function enabledDlpProfiles(policy: TenantPolicy): Set<string> {
  return new Set<string>([...policy.dlpProfiles, ...policy.customDlpProfiles.map((p) => p.id)]);
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
