/**
 * Users with MFA registration and directory roles: a full read every scan. Graph's users delta
 * carries no sign-in activity and roles and registrations change apart from the user object, so a
 * delta would still need these reads; at 999 users a page the full read costs a few calls.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError } from '../../../scanner/errors.ts';
import type { Microsoft365Client } from '../client.ts';
import type { Microsoft365Credentials } from '../credentials.ts';
import { listUsers } from '../directory.ts';
import { normalizeUser, type RegistrationDetail } from '../normalize/users.ts';

interface DirectoryRole {
  id: string;
  displayName?: string | null;
  members?: Array<{ id?: string }> | null;
}

/** Graph caps an expanded member list at 20: larger roles are listed on their own. */
const EXPANDED_MEMBERS = 20;

async function readRoles(client: Microsoft365Client): Promise<Map<string, string[]>> {
  const directoryRoles = await client.listAll<DirectoryRole>(
    'GET /directoryRoles',
    'RoleManagement.Read.Directory',
    '/directoryRoles?$expand=members',
  );
  const roles = new Map<string, string[]>();
  for (const role of directoryRoles) {
    let members = role.members ?? [];
    if (members.length >= EXPANDED_MEMBERS) {
      members = await client.listAll<{ id?: string }>(
        'GET /directoryRoles/{id}/members',
        'RoleManagement.Read.Directory',
        `/directoryRoles/${role.id}/members?$select=id`,
      );
    }
    for (const member of members) {
      if (!member.id || !role.displayName) continue;
      roles.set(member.id, [...(roles.get(member.id) ?? []), role.displayName]);
    }
  }
  return roles;
}

/**
 * MFA registration. The report needs Entra ID P1/P2 and AuditLog.Read.All; without them MFA
 * state is unknown (null) and the mfa-registration probe says why the MFA rules are not evaluated.
 */
async function readRegistrations(client: Microsoft365Client): Promise<RegistrationDetail[]> {
  try {
    return await client.listAll<RegistrationDetail>(
      'GET /reports/authenticationMethods/userRegistrationDetails',
      'AuditLog.Read.All',
      REGISTRATIONS,
    );
  } catch (error) {
    if (isPeriscopeError(error) && (error.code === 'unavailable' || error.code === 'permission_denied'))
      return [];
    throw error;
  }
}

const REGISTRATIONS = '/reports/authenticationMethods/userRegistrationDetails?$top=999';

export const usersStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'users',
  kinds: ['identity'],
  async *collect(ctx) {
    const { client } = ctx;
    const { users, signInTracked } = await listUsers(client);
    const registrations = await readRegistrations(client);
    const roles = await readRoles(client);
    const context = {
      observedAt: new Date().toISOString(),
      registration: new Map(registrations.map((r) => [r.id, r])),
      roles,
      signInTracked,
    };
    for (let i = 0; i < users.length; i += 1000) {
      yield { assets: users.slice(i, i + 1000).map((user) => normalizeUser(user, context)) };
    }
  },
});

/**
 * Whether the tenant can tell when users last signed in (Entra ID P1/P2 and AuditLog.Read.All).
 * It yields nothing: the inactivity rules depend on it, so an unlicensed tenant reports exactly
 * them as not evaluated, with the reason.
 */
export const signInActivityStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'sign-in-activity',
  kinds: [],
  async *collect(ctx) {
    await ctx.client.call('GET /users?$select=signInActivity', 'AuditLog.Read.All', (graph) =>
      graph.api('/users?$select=id,signInActivity&$top=1').get(),
    );
  },
});

/** Whether MFA registration can be read (Entra ID P1/P2 and AuditLog.Read.All); yields nothing. */
export const mfaRegistrationStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'mfa-registration',
  kinds: [],
  async *collect(ctx) {
    await ctx.client.call(
      'GET /reports/authenticationMethods/userRegistrationDetails',
      'AuditLog.Read.All',
      (graph) => graph.api('/reports/authenticationMethods/userRegistrationDetails?$top=1').get(),
    );
  },
});
