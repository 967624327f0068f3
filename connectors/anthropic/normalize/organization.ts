/** `GET /v1/organizations/me` → the organization setting (what org-wide findings attach to). */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';

export const AnOrganization = z.object({ id: z.string().min(1), name: z.string().nullish() });
export type AnOrganization = z.infer<typeof AnOrganization>;

export function normalizeOrganization(org: AnOrganization, observedAt: string): AssetInput {
  return {
    provider: 'anthropic',
    kind: 'setting',
    externalId: `organization:${org.id}`,
    name: org.name ?? org.id,
    observedAt,
    settingType: 'anthropic.organization',
    scope: 'organization',
    values: { organizationId: org.id, name: org.name ?? null },
  };
}
