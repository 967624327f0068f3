/**
 * Shared reading of a file's DLP result for the `common/dlp-file-*` rules: which of its matched
 * profiles the tenant has switched on, and the evidence every one of those rules reports. Lives
 * beside define-rule.ts, not in rules/common/, because every file in a rule folder is a rule.
 */
import type { FileAsset } from '../scanner/model.ts';
import { enabledDlpProfiles, type TenantPolicy } from '../scanner/policy.ts';

/**
 * The matched profiles that count for this tenant, or null when the file did not match any.
 * A match the DLP engine reported without naming a profile still counts: missing detail is
 * never a pass.
 */
export function countedDlpProfiles(asset: FileAsset, policy: TenantPolicy): string[] | null {
  if (asset.dlp?.status !== 'matched') return null;
  if (asset.dlp.profiles.length === 0) return [];
  const enabled = enabledDlpProfiles(policy);
  const counted = asset.dlp.profiles.filter((profile) => enabled.has(profile));
  return counted.length > 0 ? counted : null;
}

/** Profiles, detectors with counts and redacted hints (never the matched values), exposure, owner. */
export function dlpEvidence(asset: FileAsset, profiles: string[]): Record<string, unknown> {
  return {
    profiles,
    detectors: (asset.dlp?.detectors ?? []).map(({ id, count, hint, confidence }) => ({
      id,
      count,
      hint,
      ...(confidence ? { confidence } : {}),
    })),
    exposure: asset.exposure,
    access: asset.exposureAccess,
    sharedWithDomains: asset.sharedWithDomains,
    owner: asset.owner,
  };
}

/** Anyone on the internet can open it: public, or anyone holding the link. */
export function isPublic(asset: FileAsset): boolean {
  return asset.exposure === 'public' || asset.exposure === 'anyone_with_link';
}

/**
 * Shared outside the organization with someone the policy does not trust. A share limited to
 * allowed partner domains is not external for these rules.
 */
export function isUntrustedExternal(asset: FileAsset, policy: TenantPolicy): boolean {
  if (asset.exposure !== 'external') return false;
  const allowed = new Set(policy.allowedDomains.map((d) => d.toLowerCase()));
  const domains = asset.sharedWithDomains;
  return domains.length === 0 || domains.some((d) => !allowed.has(d.toLowerCase()));
}

/** Unknown access (null) is read as view: the finding still fires, at the lower severity. */
export function canEdit(asset: FileAsset): boolean {
  return asset.exposureAccess === 'edit';
}

/** A file's DLP rules can judge it once its current content was inspected (or found uninspectable). */
export function dlpInspected(asset: FileAsset): boolean {
  return asset.dlp !== null && asset.dlp.status !== 'not_inspected';
}
