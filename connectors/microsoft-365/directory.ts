/**
 * Lists several streams need, read once per scan through the client's memo: users (with sign-in
 * activity when the tenant is licensed), service principals, and the tenant's verified domains.
 */
import { isPeriscopeError } from '../../scanner/errors.ts';
import type { Microsoft365Client } from './client.ts';
import type { ServicePrincipal } from './normalize/apps.ts';
import type { GraphUser } from './normalize/users.ts';

const USER_FIELDS = 'id,displayName,userPrincipalName,mail,accountEnabled,userType,createdDateTime';
const SP_FIELDS =
  'id,appId,displayName,publisherName,appOwnerOrganizationId,verifiedPublisher,servicePrincipalType,accountEnabled';

export interface UserList {
  users: GraphUser[];
  /** signInActivity was returned (Entra ID P1/P2 and AuditLog.Read.All). */
  signInTracked: boolean;
}

export function listUsers(client: Microsoft365Client): Promise<UserList> {
  return client.once('users', async () => {
    try {
      // signInActivity caps the page at 500 (research §0.3).
      const users = await client.listAll<GraphUser>(
        'GET /users',
        'User.Read.All and AuditLog.Read.All',
        `/users?$select=${USER_FIELDS},signInActivity&$top=500`,
      );
      return { users, signInTracked: true };
    } catch (error) {
      // Not licensed or not allowed to read sign-ins: the users themselves are still readable;
      // the sign-in-activity stream reports why the inactivity rules are not evaluated.
      if (!isPeriscopeError(error) || (error.code !== 'unavailable' && error.code !== 'permission_denied'))
        throw error;
      const users = await client.listAll<GraphUser>(
        'GET /users',
        'User.Read.All',
        `/users?$select=${USER_FIELDS}&$top=999`,
      );
      return { users, signInTracked: false };
    }
  });
}

export function listServicePrincipals(client: Microsoft365Client): Promise<ServicePrincipal[]> {
  return client.once('service-principals', () =>
    client.listAll<ServicePrincipal>(
      'GET /servicePrincipals',
      'Application.Read.All',
      `/servicePrincipals?$select=${SP_FIELDS}&$top=999`,
    ),
  );
}

export function tenantDomains(client: Microsoft365Client): Promise<Set<string>> {
  return client.once('domains', async () => {
    const organizations = await client.listAll<{ verifiedDomains?: Array<{ name?: string }> }>(
      'GET /organization',
      'Organization.Read.All',
      '/organization?$select=verifiedDomains',
    );
    return new Set(
      organizations
        .flatMap((o) => o.verifiedDomains ?? [])
        .flatMap((d) => (d.name ? [d.name.toLowerCase()] : [])),
    );
  });
}

export { SP_FIELDS };
