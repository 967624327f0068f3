/**
 * Users with MFA registration and directory roles: a full read every scan. Graph's users delta
 * carries no sign-in activity and roles and registrations change apart from the user object, so a
 * delta would still need these reads; at 999 users a page the full read costs a few calls.
 */
import { defineStream } from '../../../scanner/connector.ts';
import type { Microsoft365Client } from '../client.ts';
import type { Microsoft365Credentials } from '../credentials.ts';
import { listUsers } from '../directory.ts';
import { normalizeUser, type RegistrationDetail } from '../normalize/users.ts';

interface DirectoryRole {
  displayName?: string | null;
  members?: Array<{ id?: string }> | null;
}

export const usersStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'users',
  kinds: ['identity'],
  async *collect(ctx) {
    const { client } = ctx;
    const { users, signInTracked } = await listUsers(client);
    const registrations = await client.listAll<RegistrationDetail>(
      'GET /reports/authenticationMethods/userRegistrationDetails',
      'AuditLog.Read.All',
      '/reports/authenticationMethods/userRegistrationDetails?$top=999',
    );
    const directoryRoles = await client.listAll<DirectoryRole>(
      'GET /directoryRoles',
      'RoleManagement.Read.Directory',
      '/directoryRoles?$expand=members($select=id)',
    );
    const roles = new Map<string, string[]>();
    for (const role of directoryRoles) {
      for (const member of role.members ?? []) {
        if (!member.id || !role.displayName) continue;
        roles.set(member.id, [...(roles.get(member.id) ?? []), role.displayName]);
      }
    }
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
