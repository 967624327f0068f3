/**
 * Delegated permission grants (user and admin consent): a full read every scan, 999 a page.
 * Client and resource are service-principal object ids, named from the shared SP list; the
 * principal from the shared user list.
 */
import { defineStream } from '../../../scanner/connector.ts';
import type { Microsoft365Client } from '../client.ts';
import type { Microsoft365Credentials } from '../credentials.ts';
import { listServicePrincipals, listUsers } from '../directory.ts';
import { type DelegatedGrant, normalizeDelegatedGrant } from '../normalize/apps.ts';

export const consentGrantsStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'consent-grants',
  kinds: ['oauth_grant'],
  async *collect(ctx) {
    const { client } = ctx;
    const grants = await client.listAll<DelegatedGrant>(
      'GET /oauth2PermissionGrants',
      'Directory.Read.All',
      '/oauth2PermissionGrants?$top=999',
    );
    const principals = new Map((await listServicePrincipals(client)).map((sp) => [sp.id, sp]));
    const users = new Map(
      (await listUsers(client)).users.map((u) => [
        u.id,
        (u.userPrincipalName ?? u.mail ?? u.id).toLowerCase(),
      ]),
    );
    const observedAt = new Date().toISOString();
    for (let i = 0; i < grants.length; i += 1000) {
      yield {
        assets: grants
          .slice(i, i + 1000)
          .map((grant) =>
            normalizeDelegatedGrant(
              grant,
              principals.get(grant.clientId),
              grant.resourceId ? principals.get(grant.resourceId) : undefined,
              grant.principalId ? (users.get(grant.principalId) ?? grant.principalId) : null,
              client.tenantId,
              observedAt,
            ),
          ),
      };
    }
  },
});
