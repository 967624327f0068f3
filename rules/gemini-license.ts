/** What the Gemini-licence rules report about a `google-workspace.gemini_license` setting. */
import type { AssetOfKind } from '../scanner/model.ts';

export function geminiLicenseEvidence(asset: AssetOfKind<'setting'>): Record<string, unknown> {
  const { email, productId, skuId, skuName } = asset.values;
  return { email: email ?? asset.name, productId, skuId, skuName: skuName ?? null };
}
