/**
 * The evidence the `common/file-*` sharing rules report. Which files they judge comes from
 * rules/dlp-file.ts (isPublic, isUntrustedExternal, canEdit), so the sharing matrix and the DLP
 * matrix read exposure the same way. Lives beside define-rule.ts, not in rules/common/, because
 * every file in a rule folder is a rule.
 */
import type { FileAsset } from '../scanner/model.ts';

/** Exposure, access (null = unknown, judged as view), external domains, owner and link expiry. */
export function sharingEvidence(asset: FileAsset): Record<string, unknown> {
  return {
    exposure: asset.exposure,
    access: asset.exposureAccess,
    sharedWithDomains: asset.sharedWithDomains,
    owner: asset.owner,
    linkExpiresAt: asset.linkExpiresAt,
  };
}
