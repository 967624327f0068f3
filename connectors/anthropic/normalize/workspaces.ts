/** Workspaces with their members → `anthropic.workspace` settings. */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { isoOrNull, maybeString } from './fields.ts';

export const AnWorkspace = z.object({
  id: z.string().min(1),
  name: z.string(),
  created_at: maybeString,
  archived_at: maybeString,
  external_key_id: maybeString,
  data_residency: z
    .object({
      workspace_geo: maybeString,
      allowed_inference_geos: z.union([z.array(z.string()), z.string()]).nullish(),
      default_inference_geo: maybeString,
    })
    .nullish(),
});
export type AnWorkspace = z.infer<typeof AnWorkspace>;

export const AnWorkspaceMember = z.object({
  user_id: z.string().min(1),
  workspace_role: z.string(),
});
export type AnWorkspaceMember = z.infer<typeof AnWorkspaceMember>;

/** Admins listed by id on the asset; beyond this only the count is kept. */
const LISTED_ADMINS = 20;

/** `members` null = not read (archived workspaces are not listed). */
export function normalizeWorkspace(
  ws: AnWorkspace,
  members: AnWorkspaceMember[] | null,
  observedAt: string,
): AssetInput {
  const roleCounts: Record<string, number> = {};
  for (const m of members ?? []) roleCounts[m.workspace_role] = (roleCounts[m.workspace_role] ?? 0) + 1;
  const admins = (members ?? []).filter((m) => m.workspace_role === 'workspace_admin').map((m) => m.user_id);
  const residency = ws.data_residency;
  return {
    provider: 'anthropic',
    kind: 'setting',
    externalId: `workspace:${ws.id}`,
    name: ws.name,
    observedAt,
    settingType: 'anthropic.workspace',
    scope: 'workspace',
    values: {
      workspaceId: ws.id,
      archived: Boolean(ws.archived_at),
      archivedAt: isoOrNull(ws.archived_at),
      createdAt: isoOrNull(ws.created_at),
      memberCount: members ? members.length : null,
      adminCount: members ? admins.length : null,
      admins: admins.slice(0, LISTED_ADMINS),
      roleCounts: members ? roleCounts : null,
      customerManagedKey: ws.external_key_id ? true : ws.external_key_id === null ? false : null,
      dataResidency: residency
        ? {
            workspaceGeo: residency.workspace_geo ?? null,
            allowedInferenceGeos: residency.allowed_inference_geos ?? null,
            defaultInferenceGeo: residency.default_inference_geo ?? null,
          }
        : null,
    },
  };
}
