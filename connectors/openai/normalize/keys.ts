/** Admin and project API keys → api_key (MODEL.md § api_key). Only the redacted value is kept. */
import type { AssetInput } from '../../../scanner/model.ts';
import { PLATFORM } from '../manifest.ts';
import { type AdminKey, iso, type OrgUser, type Project, type ProjectKey } from '../schemas.ts';
import { isSuspended } from './identities.ts';

export type OwnerStatus = 'active' | 'suspended' | 'removed' | 'unknown';

/** Org users by id, or null when the user list could not be read. */
export type UserDirectory = Map<string, OrgUser> | null;

function userStatus(users: UserDirectory, userId: string | null | undefined): OwnerStatus {
  if (!users || !userId) return 'unknown';
  const user = users.get(userId);
  if (!user) return 'removed';
  return isSuspended(user) ? 'suspended' : 'active';
}

export function normalizeAdminKey(key: AdminKey, users: UserDirectory, observedAt: string): AssetInput {
  const ownerType =
    key.owner?.type === 'service_account' || key.owner?.object === 'organization.service_account'
      ? 'service_account'
      : 'user';
  const ownerId = key.owner?.id ?? null;
  const ownerUser = ownerId ? users?.get(ownerId) : undefined;
  return {
    provider: 'openai',
    kind: 'api_key',
    externalId: key.id,
    name: key.name || key.id,
    url: `${PLATFORM}/settings/organization/admin-keys`,
    observedAt,
    keyType: 'openai_admin_key',
    owner: ownerUser?.email ?? key.owner?.name ?? ownerId,
    hint: key.redacted_value ?? null,
    access: 'admin',
    createdAt: iso(key.created_at),
    lastUsedAt: iso(key.last_used_at),
    usageTracked: true,
    expiresAt: iso(key.expires_at),
    attributes: {
      ownerType,
      ownerId,
      ownerRole: ownerUser?.role ?? key.owner?.role ?? null,
      ownerStatus: ownerType === 'user' ? userStatus(users, ownerId) : 'active',
    },
  };
}

export function normalizeProjectKey(
  key: ProjectKey,
  project: Project,
  users: UserDirectory,
  observedAt: string,
): AssetInput {
  const bySa = key.owner?.type === 'service_account';
  const person = bySa ? key.owner?.service_account : key.owner?.user;
  const access = key.owner_project_access ?? null;
  const ownerStatus: OwnerStatus = bySa
    ? access === 'inactive'
      ? 'removed'
      : access === 'active'
        ? 'active'
        : 'unknown'
    : userStatus(users, person?.id);
  return {
    provider: 'openai',
    kind: 'api_key',
    externalId: key.id,
    name: key.name || key.id,
    url: `${PLATFORM}/settings/${project.id}/api-keys`,
    observedAt,
    keyType: 'openai_project_key',
    owner: bySa ? (person?.name ?? person?.id ?? null) : (person?.email?.toLowerCase() ?? person?.id ?? null),
    hint: key.redacted_value ?? null,
    access: 'write',
    createdAt: iso(key.created_at),
    lastUsedAt: iso(key.last_used_at),
    usageTracked: true,
    expiresAt: null,
    attributes: {
      projectId: project.id,
      projectName: project.name ?? null,
      ownerType: bySa ? 'service_account' : 'user',
      ownerId: person?.id ?? null,
      ownerProjectAccess: access,
      ownerStatus,
    },
  };
}
