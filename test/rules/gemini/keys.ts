/** A Google Cloud API key as the Gemini connector maps it (connectors/gemini/MODEL.md). */
import type { ApiKeyAsset } from '../../../scanner/model.ts';
import { apiKey } from '../support.ts';

export function cloudKey(
  attributes: Partial<{
    apiTargets: string[];
    applicationRestrictions: string[];
    emptyApplicationRestrictions: string[];
    serviceAccountEmail: string | null;
  }> = {},
  fields: Partial<Omit<ApiKeyAsset, 'kind'>> = {},
) {
  const apiTargets = attributes.apiTargets ?? [];
  return apiKey({
    provider: 'gemini',
    externalId: 'b7ff1f9f-8275-410a-94dd-3855ee9b5dd2',
    name: 'Gemini key',
    keyType: 'google_cloud_api_key',
    owner: 'projects/periscope-sim',
    hint: '…3855ee9b5dd2',
    usageTracked: false,
    ...fields,
    attributes: {
      apiTargets,
      allApis: apiTargets.length === 0,
      geminiCapable: apiTargets.length === 0 || apiTargets.includes('generativelanguage.googleapis.com'),
      applicationRestrictions: attributes.applicationRestrictions ?? [],
      emptyApplicationRestrictions: attributes.emptyApplicationRestrictions ?? [],
      serviceAccountEmail: attributes.serviceAccountEmail ?? null,
    },
  });
}
