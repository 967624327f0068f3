/**
 * The simulated org rendered in the OpenAI wire format (field names and `object` tags per the
 * OpenAPI description, research §2): one function per object type.
 */
import { redactedValue } from './ids.ts';
import type {
  AdminKey,
  Assistant,
  AuditEvent,
  Invite,
  OpenAIOrg,
  OrgUser,
  Project,
  ProjectKey,
  StoredFile,
  VectorStore,
} from './types.ts';

const DAY = 86_400;

/** Users by id, rebuilt when users are added or removed (lookups per key must not scan the list). */
const userIndex = new WeakMap<OpenAIOrg, { size: number; byId: Map<string, OrgUser> }>();

export function userOf(org: OpenAIOrg, id: string): OrgUser | undefined {
  let index = userIndex.get(org);
  if (!index || index.size !== org.users.length) {
    index = { size: org.users.length, byId: new Map(org.users.map((u) => [u.id, u])) };
    userIndex.set(org, index);
  }
  return index.byId.get(id);
}

export function errorBody(
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
) {
  return { error: { message, type, param, code } };
}

export function orgUserJson(user: OrgUser) {
  return {
    object: 'organization.user',
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    added_at: user.addedAt,
    is_default: false,
    is_service_account: false,
    is_scim_managed: false,
    api_key_last_used_at: user.apiKeyLastUsedAt,
    user: {
      object: 'user',
      id: user.id,
      email: user.email,
      name: user.name,
      picture: null,
      enabled: user.enabled,
      banned: user.banned,
      banned_at: user.banned ? user.addedAt + DAY : null,
    },
  };
}

export function inviteJson(invite: Invite) {
  return {
    object: 'organization.invite',
    id: invite.id,
    email: invite.email,
    role: invite.role,
    status: invite.status,
    created_at: invite.createdAt,
    expires_at: invite.expiresAt,
    accepted_at: invite.acceptedAt,
    projects: invite.projects,
  };
}

export function adminKeyJson(org: OpenAIOrg, key: AdminKey) {
  const owner = userOf(org, key.ownerUserId);
  return {
    object: 'organization.admin_api_key',
    id: key.id,
    name: key.name,
    redacted_value: redactedValue(key.value),
    created_at: key.createdAt,
    expires_at: key.expiresAt,
    last_used_at: key.lastUsedAt,
    owner: {
      type: 'user',
      object: 'organization.user',
      id: key.ownerUserId,
      name: owner?.name ?? null,
      created_at: owner?.addedAt ?? null,
      role: owner?.role ?? null,
    },
  };
}

export function projectJson(project: Project) {
  return {
    id: project.id,
    object: 'organization.project',
    name: project.name,
    created_at: project.createdAt,
    archived_at: project.archivedAt,
    status: project.archivedAt === null ? 'active' : 'archived',
    external_key_id: null,
    residency: project.residency,
  };
}

export function projectUserJson(org: OpenAIOrg, member: Project['users'][number]) {
  const user = userOf(org, member.userId);
  return {
    object: 'organization.project.user',
    id: member.userId,
    name: user?.name ?? null,
    email: user?.email ?? null,
    role: member.role,
    added_at: member.addedAt,
  };
}

/** Whether a key's owner can still use the project: a member user of the org, or a live service account. */
export function ownerProjectAccess(org: OpenAIOrg, project: Project, key: ProjectKey): 'active' | 'inactive' {
  if (key.owner.type === 'service_account') {
    const { serviceAccountId } = key.owner;
    return project.serviceAccounts.some((s) => s.id === serviceAccountId && !s.removed)
      ? 'active'
      : 'inactive';
  }
  const { userId } = key.owner;
  const user = userOf(org, userId);
  return user && !user.removed && project.users.some((m) => m.userId === userId) ? 'active' : 'inactive';
}

export function projectKeyJson(org: OpenAIOrg, project: Project, key: ProjectKey) {
  let owner: Record<string, unknown>;
  if (key.owner.type === 'user') {
    const { userId } = key.owner;
    const user = userOf(org, userId);
    const member = project.users.find((m) => m.userId === userId);
    owner = {
      type: 'user',
      user: {
        id: userId,
        name: user?.name ?? null,
        email: user?.email ?? null,
        role: member?.role ?? 'member',
        created_at: user?.addedAt ?? null,
      },
    };
  } else {
    const { serviceAccountId } = key.owner;
    const sa = project.serviceAccounts.find((s) => s.id === serviceAccountId);
    owner = {
      type: 'service_account',
      service_account: {
        id: serviceAccountId,
        name: sa?.name ?? null,
        role: sa?.role ?? 'member',
        created_at: sa?.createdAt ?? null,
      },
    };
  }
  return {
    object: 'organization.project.api_key',
    id: key.id,
    name: key.name,
    redacted_value: redactedValue(key.value),
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    owner_project_access: ownerProjectAccess(org, project, key),
    owner,
  };
}

export function serviceAccountJson(sa: Project['serviceAccounts'][number]) {
  return {
    object: 'organization.project.service_account',
    id: sa.id,
    name: sa.name,
    role: sa.role,
    created_at: sa.createdAt,
  };
}

export function rateLimitJson(limit: Project['rateLimits'][number]) {
  return {
    object: 'project.rate_limit',
    id: limit.id,
    model: limit.model,
    max_requests_per_1_minute: limit.maxRequestsPerMinute,
    max_tokens_per_1_minute: limit.maxTokensPerMinute,
  };
}

export function hostedToolsJson(project: Project) {
  const t = project.tools;
  return {
    file_search: { enabled: t.file_search },
    web_search: { enabled: t.web_search },
    image_generation: { enabled: t.image_generation },
    mcp: { enabled: t.mcp },
    code_interpreter: { enabled: t.code_interpreter },
  };
}

export function modelPermissionsJson(project: Project) {
  // Never configured: nothing is denied.
  const p = project.modelPermissions ?? { mode: 'deny_list', modelIds: [] };
  return { object: 'project.model_permissions', mode: p.mode, model_ids: p.modelIds };
}

export function auditEventJson(org: OpenAIOrg, event: AuditEvent) {
  const user = userOf(org, event.actorUserId);
  const project = event.projectId ? org.projects.find((p) => p.id === event.projectId) : undefined;
  return {
    id: event.id,
    type: event.type,
    effective_at: event.effectiveAt,
    ...(project ? { project: { id: project.id, name: project.name } } : {}),
    actor: {
      type: 'session',
      session: {
        user: { id: event.actorUserId, email: user?.email ?? null },
        ip_address: '203.0.113.7',
        user_agent: 'Mozilla/5.0',
      },
    },
    [event.type]: event.details,
  };
}

export function fileJson(file: StoredFile) {
  return {
    id: file.id,
    object: 'file',
    bytes: Buffer.byteLength(file.content),
    created_at: file.createdAt,
    expires_at: file.expiresAt,
    filename: file.filename,
    purpose: file.purpose,
    status: 'processed',
    status_details: null,
  };
}

export function vectorStoreJson(store: VectorStore) {
  return {
    id: store.id,
    object: 'vector_store',
    created_at: store.createdAt,
    name: store.name,
    usage_bytes: store.usageBytes,
    file_counts: {
      in_progress: 0,
      completed: store.fileCount,
      failed: 0,
      cancelled: 0,
      total: store.fileCount,
    },
    status: store.status,
    expires_after:
      store.expiresAfterDays === null ? null : { anchor: 'last_active_at', days: store.expiresAfterDays },
    expires_at: store.expiresAfterDays === null ? null : store.lastActiveAt + store.expiresAfterDays * DAY,
    last_active_at: store.lastActiveAt,
    metadata: {},
  };
}

export function assistantJson(assistant: Assistant) {
  return {
    id: assistant.id,
    object: 'assistant',
    created_at: assistant.createdAt,
    name: assistant.name,
    description: null,
    model: assistant.model,
    instructions: null,
    tools: assistant.tools.map((type) =>
      type === 'function'
        ? {
            type,
            function: {
              name: 'lookup_order',
              description: 'Looks up an order',
              parameters: { type: 'object' },
            },
          }
        : type === 'file_search'
          ? { type, file_search: { ranking_options: { ranker: 'auto', score_threshold: 0 } } }
          : { type },
    ),
    tool_resources: {},
    metadata: {},
    top_p: 1,
    temperature: 1,
    response_format: 'auto',
  };
}
