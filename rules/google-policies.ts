/**
 * Shared reading of a Google Workspace policy setting (Cloud Identity Policy API) for the
 * `google-workspace/*` settings rules: the root policy (scope `tenant`) falls back to Google's
 * documented defaults, an override (an OU or group policy, scope `object`) inherits the fields it
 * leaves unset, and every finding names where the policy applies and which fields were
 * defaulted or are undisclosed. Lives beside define-rule.ts, not in rules/google-workspace/,
 * because every file in a rule folder is a rule.
 */
import type { SettingAsset, Severity } from '../scanner/model.ts';
import type { Violation } from './define-rule.ts';

export interface PolicyReader {
  /** The root OU's policy: an unset field there has Google's default, not a parent's value. */
  root: boolean;
  /** Where the policy applies: its org unit and, for a group policy, the group. */
  where: { orgUnit: unknown; group: unknown };
  /** The policy leaves the field out (or sets it to null). */
  unset(field: string): boolean;
  /**
   * The field's value: as set; else, on the root policy, Google's documented default; else null
   * (inherited on an override, or no default is documented).
   */
  read(field: string): unknown;
}

/** Reads a policy's fields, the root policy falling back to `defaults` (Google's documented values). */
export function readPolicy(asset: SettingAsset, defaults: Record<string, unknown> = {}): PolicyReader {
  const root = asset.scope === 'tenant';
  const unset = (field: string) => asset.values[field] === undefined || asset.values[field] === null;
  return {
    root,
    where: { orgUnit: asset.attributes.orgUnit ?? null, group: asset.attributes.group ?? null },
    unset,
    read: (field) => (unset(field) ? (root ? (defaults[field] ?? null) : null) : asset.values[field]),
  };
}

export interface PolicyViolationOptions {
  /** Evidence that stands between where the policy applies and the fields (e.g. the service). */
  extra?: Record<string, unknown>;
  /** The severity of a finding with an undisclosed field (default: the rule's own). */
  undisclosedSeverity?: Severity;
}

/**
 * The finding on a policy: where it applies, the value of each field, the fields whose value is
 * unknown (`undisclosed`) and those that took Google's default on the root policy (`defaulted`).
 */
export function policyViolation(
  policy: PolicyReader,
  fields: readonly string[],
  { extra = {}, undisclosedSeverity }: PolicyViolationOptions = {},
): Violation {
  const undisclosed = fields.filter((field) => policy.read(field) === null);
  const defaulted = policy.root
    ? fields.filter((field) => policy.unset(field) && policy.read(field) !== null)
    : [];
  return {
    evidence: {
      ...policy.where,
      ...extra,
      ...Object.fromEntries(fields.map((field) => [field, policy.read(field)])),
      ...(undisclosed.length > 0 ? { undisclosed } : {}),
      ...(defaulted.length > 0 ? { defaulted } : {}),
    },
    ...(undisclosed.length > 0 && undisclosedSeverity ? { severity: undisclosedSeverity } : {}),
  };
}

export interface PolicyFieldOptions extends PolicyViolationOptions {
  /** Whether the field's value is the secure one. */
  compliant: (value: unknown) => boolean;
  /** Google's documented value when the root policy omits the field; none: undisclosed. */
  default?: unknown;
}

/**
 * A rule on one field of a policy. An override without the field inherits it, so its parent's
 * policy is judged instead; a root policy without it takes Google's default where one is
 * documented, and otherwise tells us nothing (`undisclosed`).
 */
export function judgePolicyField(
  asset: SettingAsset,
  field: string,
  { compliant, default: fallback, ...options }: PolicyFieldOptions,
): Violation | null {
  const policy = readPolicy(asset, fallback === undefined ? {} : { [field]: fallback });
  if (policy.unset(field) && !policy.root) return null;
  if (compliant(policy.read(field))) return null;
  return policyViolation(policy, [field], options);
}

export interface SharingControlOptions {
  /** Google's documented values when the root policy omits a field (`externalSharingMode` among them). */
  defaults: Record<string, unknown>;
  /** The control judged when sharing outside is ALLOWED, and the one judged for ALLOWLISTED_DOMAINS. */
  fields: readonly [string, string];
  /** The secure value of the control. */
  compliant: unknown;
  /** The severity of a finding with an undisclosed field (default: the rule's own). */
  undisclosedSeverity?: Severity;
}

/**
 * A Drive external-sharing control that matters only where sharing outside the organization is
 * allowed, one field for sharing with anyone and one for allowlisted domains. An override that
 * inherits the mode is reported where it sets either control to the insecure value, since the
 * parent may allow sharing.
 */
export function judgeSharingControl(
  asset: SettingAsset,
  { defaults, fields, compliant, undisclosedSeverity }: SharingControlOptions,
): Violation | null {
  const policy = readPolicy(asset, defaults);
  const mode = policy.read('externalSharingMode');
  if (mode === 'DISALLOWED') return null;
  if (mode === null) {
    const insecure = fields.filter(
      (field) => policy.read(field) !== null && policy.read(field) !== compliant,
    );
    if (insecure.length === 0) return null;
    return policyViolation(policy, ['externalSharingMode', ...insecure], { undisclosedSeverity });
  }
  const field = mode === 'ALLOWLISTED_DOMAINS' ? fields[1] : fields[0];
  if (policy.read(field) === compliant) return null;
  return policyViolation(policy, ['externalSharingMode', field], { undisclosedSeverity });
}
