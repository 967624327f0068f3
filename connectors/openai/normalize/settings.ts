/** Organization, project, invite, vector-store and assistant settings (MODEL.md § setting). */
import type { AssetInput } from '../../../scanner/model.ts';
import { PLATFORM } from '../manifest.ts';
import { type Assistant, type Invite, iso, type Project, type VectorStore } from '../schemas.ts';

type Scope = 'organization' | 'project';

function setting(
  settingType: string,
  scope: Scope,
  externalId: string,
  name: string,
  url: string | null,
  values: Record<string, unknown>,
  observedAt: string,
  attributes: Record<string, unknown> = {},
): AssetInput {
  return {
    provider: 'openai',
    kind: 'setting',
    externalId,
    name,
    url,
    observedAt,
    settingType: `openai.${settingType}`,
    scope,
    values,
    attributes,
  };
}

export function organizationSetting(dataRetention: string, observedAt: string): AssetInput {
  return setting(
    'organization',
    'organization',
    'organization',
    'OpenAI organization',
    `${PLATFORM}/settings/organization/data-controls`,
    { dataRetention },
    observedAt,
  );
}

/** What the per-project reads found; absent for archived projects (not read). */
export interface ProjectDetails {
  dataRetention: string;
  /** The org's retention when the project inherits it; null when the org's is unknown. */
  orgRetention: string | null;
  tools: Record<string, boolean>;
  modelPermissions: { mode: string; modelIds: string[] } | null;
  rateLimits: number;
  roles: Array<string | null | undefined>;
}

export function projectSetting(
  project: Project,
  details: ProjectDetails | null,
  observedAt: string,
): AssetInput {
  const effective =
    details?.dataRetention === 'organization_default'
      ? details.orgRetention
      : (details?.dataRetention ?? null);
  return setting(
    'project',
    'project',
    project.id,
    project.name ?? project.id,
    `${PLATFORM}/settings/${project.id}/general`,
    {
      status: project.status ?? (project.archived_at ? 'archived' : 'active'),
      archivedAt: iso(project.archived_at),
      residency: project.residency ?? null,
      dataRetention: details?.dataRetention ?? null,
      effectiveDataRetention: effective,
      tools: details?.tools ?? null,
      modelPermissions: details?.modelPermissions ?? null,
      rateLimits: details?.rateLimits ?? null,
      owners: details ? details.roles.filter((r) => r === 'owner').length : null,
      members: details ? details.roles.length : null,
    },
    observedAt,
    { createdAt: iso(project.created_at) },
  );
}

export function inviteSetting(invite: Invite, observedAt: string): AssetInput {
  return setting(
    'invite',
    'organization',
    invite.id,
    invite.email ?? invite.id,
    `${PLATFORM}/settings/organization/people`,
    {
      email: invite.email?.toLowerCase() ?? null,
      role: invite.role ?? null,
      status: invite.status ?? null,
      createdAt: iso(invite.created_at),
      expiresAt: iso(invite.expires_at),
      acceptedAt: iso(invite.accepted_at),
      projects: (invite.projects ?? []).map((p) => ({ id: p.id, role: p.role ?? null })),
    },
    observedAt,
  );
}

export function vectorStoreSetting(store: VectorStore, project: Project, observedAt: string): AssetInput {
  return setting(
    'vector_store',
    'project',
    store.id,
    store.name || store.id,
    `${PLATFORM}/storage/vector_stores/${store.id}`,
    {
      projectId: project.id,
      status: store.status ?? null,
      expiresAfterDays: store.expires_after?.days ?? null,
      expiresAt: iso(store.expires_at),
      lastActiveAt: iso(store.last_active_at),
      usageBytes: store.usage_bytes ?? null,
      fileCount: store.file_counts?.total ?? null,
    },
    observedAt,
    { projectName: project.name ?? null },
  );
}

const HOSTED = new Set(['code_interpreter', 'file_search']);

export function assistantSetting(assistant: Assistant, project: Project, observedAt: string): AssetInput {
  const types = (assistant.tools ?? []).map((t) => t.type);
  return setting(
    'assistant',
    'project',
    assistant.id,
    assistant.name || assistant.id,
    `${PLATFORM}/assistants/${assistant.id}`,
    {
      projectId: project.id,
      model: assistant.model ?? null,
      tools: types,
      hostedTools: types.filter((t) => HOSTED.has(t)),
      functionTools: types.filter((t) => t === 'function').length,
    },
    observedAt,
    { projectName: project.name ?? null },
  );
}
