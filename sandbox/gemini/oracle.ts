/**
 * Derives, straight from the simulator's state, the findings the Gemini rules must produce
 * after a full scan: what the keys are, not what the generator meant to plant. It reads the
 * wire-shaped keys itself (not the connector's normalisation), so it checks that too.
 * Scanned: keys of the scanned project that are not deleted (the scanner lists without
 * showDeleted).
 */
import { GEMINI_SERVICE } from './generate.ts';
import type { CloudApiKey, GeminiTenant } from './types.ts';

const DAY = 86_400_000;

export const geminiOracleRuleIds = [
  'gemini/api-key-unrestricted',
  'gemini/api-key-all-apis',
  'gemini/api-key-not-rotated',
] as const;
export type GeminiOracleRuleId = (typeof geminiOracleRuleIds)[number];

export interface GeminiViolation {
  ruleId: GeminiOracleRuleId;
  assetKey: string;
}

export const geminiAssetKey = {
  apiKey: (uid: string) => `gemini:api_key:${uid}`,
  /** `files/abc` → `gemini:file:abc`. */
  file: (name: string) => `gemini:file:${name.replace(/^files\//, '')}`,
};

export interface GeminiOracleOptions {
  /** Days after which a key should have been rotated (tenant policy `rotationDays`). Default 365. */
  rotationDays?: number;
  /** The scan's clock. Default: now. */
  now?: Date;
}

function applicationRestricted(key: CloudApiKey): boolean {
  const r = key.restrictions ?? {};
  return (
    (r.browserKeyRestrictions?.allowedReferrers?.length ?? 0) > 0 ||
    (r.serverKeyRestrictions?.allowedIps?.length ?? 0) > 0 ||
    (r.androidKeyRestrictions?.allowedApplications?.length ?? 0) > 0 ||
    (r.iosKeyRestrictions?.allowedBundleIds?.length ?? 0) > 0
  );
}

export function findGeminiViolations(
  sim: { tenant: GeminiTenant },
  options: GeminiOracleOptions = {},
): GeminiViolation[] {
  const rotationDays = options.rotationDays ?? 365;
  const now = (options.now ?? new Date()).getTime();
  const found: GeminiViolation[] = [];
  const { tenant } = sim;
  for (const { key, projectId } of tenant.keys) {
    if (projectId !== tenant.project.projectId || key.deleteTime) continue;
    const assetKey = geminiAssetKey.apiKey(key.uid);
    const targets = key.restrictions?.apiTargets ?? [];
    const allApis = targets.length === 0;
    const geminiCapable = allApis || targets.some((t) => t.service === GEMINI_SERVICE);
    if (geminiCapable && !applicationRestricted(key))
      found.push({ ruleId: 'gemini/api-key-unrestricted', assetKey });
    if (allApis) found.push({ ruleId: 'gemini/api-key-all-apis', assetKey });
    if ((now - Date.parse(key.createTime)) / DAY > rotationDays) {
      found.push({ ruleId: 'gemini/api-key-not-rotated', assetKey });
    }
  }
  return found;
}
