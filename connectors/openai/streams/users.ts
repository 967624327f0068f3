/**
 * Org users with their last login, and the audit-log probe. Logins come from `login.succeeded`
 * audit events over a lookback window; an org without audit logging still gets its users, and
 * the probe (which waits on the same read, no extra call) makes exactly the rules that need
 * logins not evaluated, with the reason.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError, type PeriscopeError } from '../../../scanner/errors.ts';
import type { OpenAIClient } from '../client.ts';
import type { OpenAICredentials } from '../credentials.ts';
import { PAGE_SIZE } from '../manifest.ts';
import { normalizeOrgUser } from '../normalize/identities.ts';
import { listOrgUsers } from '../org-data.ts';
import { AuditLogin } from '../schemas.ts';
import { inBatches } from './fan-out.ts';

interface Logins {
  byUser: Map<string, number> | null;
  since: number;
  /** Why the audit log could not be read. */
  unavailable: PeriscopeError | null;
}

/** Latest successful login per user within the lookback window, read once per scan. */
export function readLogins(client: OpenAIClient): Promise<Logins> {
  return client.once('logins', async () => {
    const since = Math.floor(Date.now() / 1000) - client.loginLookbackDays * 86_400;
    try {
      const events = await client.listAll('GET /organization/audit_logs', AuditLogin, (signal) =>
        client.admin.admin.organization.auditLogs.list(
          { limit: PAGE_SIZE, event_types: ['login.succeeded'], effective_at: { gte: since } },
          { signal },
        ),
      );
      const byUser = new Map<string, number>();
      for (const event of events) {
        const userId = event.actor?.session?.user?.id;
        if (userId && event.effective_at > (byUser.get(userId) ?? 0)) byUser.set(userId, event.effective_at);
      }
      return { byUser, since, unavailable: null };
    } catch (error) {
      if (isPeriscopeError(error) && (error.code === 'unavailable' || error.code === 'permission_denied'))
        return { byUser: null, since, unavailable: error };
      throw error;
    }
  });
}

export const usersStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'users',
  kinds: ['identity'],
  async *collect(ctx) {
    const users = await listOrgUsers(ctx.client);
    const logins = await readLogins(ctx.client);
    const context = {
      observedAt: new Date().toISOString(),
      logins: logins.byUser,
      loginsSince: new Date(logins.since * 1000).toISOString(),
    };
    yield* inBatches(users.map((user) => normalizeOrgUser(user, context)));
  },
});

/** Whether logins can be read (audit logging on, and the key may read it). Yields nothing. */
export const auditLogStream = defineStream<OpenAICredentials, OpenAIClient>({
  name: 'audit-log',
  kinds: [],
  async *collect(ctx) {
    const logins = await readLogins(ctx.client);
    if (logins.unavailable) throw logins.unavailable;
    yield* []; // a probe: it answers by completing or failing
  },
});
