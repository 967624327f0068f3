/**
 * Shared reading of a Drive file's external permissions (`attributes.externalShares`, see
 * connectors/google-workspace/MODEL.md) for the google-workspace file rules. Attributes are vendor
 * detail the schema does not type, so entries are read leniently: a malformed entry is skipped.
 * Lives beside define-rule.ts, not in rules/google-workspace/, because every file in a rule folder
 * is a rule.
 */
import type { FileAsset } from '../scanner/model.ts';

export interface ExternalShare {
  /** null for a `domain` permission. */
  email: string | null;
  /** Lower case. */
  domain: string;
  type: string;
  role: string | null;
  expiresAt: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The file's external permissions as the connector recorded them (at most 50). */
export function externalSharesOf(asset: FileAsset): ExternalShare[] {
  const raw = asset.attributes.externalShares;
  if (!Array.isArray(raw)) return [];
  const shares: ExternalShare[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const email = text(e.email);
    const domain = text(e.domain) ?? email?.split('@')[1] ?? null;
    const type = text(e.type);
    if (!domain || !type) continue;
    shares.push({
      email,
      domain: domain.toLowerCase(),
      type,
      role: text(e.role),
      expiresAt: text(e.expiresAt),
    });
  }
  return shares;
}
