import type { FileAsset } from '../model.ts';
import type { TenantPolicy } from '../policy.ts';

/** Files uploaded to these vendors are inspected whoever can see them: the upload is the exposure. */
const aiVendors = new Set(['openai', 'anthropic', 'gemini']);

/**
 * A file is inspected when it has no result for its current version and it is shared beyond its
 * owner, was uploaded to an AI vendor, or the tenant asked for every file.
 */
export function needsInspection(file: FileAsset, policy: Pick<TenantPolicy, 'dlpInspectAllFiles'>): boolean {
  if (file.dlp && file.dlp.status !== 'not_inspected') return false;
  return policy.dlpInspectAllFiles || file.exposure !== 'private' || aiVendors.has(file.provider);
}
