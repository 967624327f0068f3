/** Org users and project service accounts → identity (MODEL.md § identity). */
import type { AssetInput } from '../../../scanner/model.ts';
import { PLATFORM } from '../manifest.ts';
import { iso, type OrgUser, type Project, type ServiceAccount } from '../schemas.ts';

export interface LoginContext {
  observedAt: string;
  /** userId → latest `login.succeeded` (Unix s); null when the audit log could not be read. */
  logins: Map<string, number> | null;
  /** Start of the window the logins were read from (ISO). */
  loginsSince: string;
}

export const isSuspended = (user: OrgUser) => user.user?.banned === true || user.user?.enabled === false;

export function normalizeOrgUser(user: OrgUser, ctx: LoginContext): AssetInput {
  const login = ctx.logins?.get(user.id);
  return {
    provider: 'openai',
    kind: 'identity',
    externalId: user.id,
    name: user.name ?? user.email ?? user.id,
    url: `${PLATFORM}/settings/organization/people`,
    observedAt: ctx.observedAt,
    identityType: 'user',
    email: user.email?.toLowerCase() ?? null,
    role: user.role ?? null,
    isAdmin: user.role === 'owner',
    mfaEnabled: null,
    suspended: isSuspended(user),
    lastLoginAt: iso(login),
    createdAt: iso(user.added_at),
    attributes: {
      loginTracked: ctx.logins !== null,
      loginsSince: ctx.logins !== null ? ctx.loginsSince : null,
      apiKeyLastUsedAt: iso(user.api_key_last_used_at),
      isScimManaged: user.is_scim_managed ?? null,
    },
  };
}

export function normalizeServiceAccount(
  sa: ServiceAccount,
  project: Project,
  observedAt: string,
): AssetInput {
  return {
    provider: 'openai',
    kind: 'identity',
    externalId: sa.id,
    name: sa.name ?? sa.id,
    url: `${PLATFORM}/settings/${project.id}/service-accounts`,
    observedAt,
    identityType: 'service_account',
    email: null,
    role: sa.role ?? null,
    isAdmin: sa.role === 'owner',
    mfaEnabled: null,
    createdAt: iso(sa.created_at),
    attributes: { projectId: project.id, projectName: project.name ?? null },
  };
}
