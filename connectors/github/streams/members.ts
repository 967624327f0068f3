/**
 * members: org members as identities. Owners come from `role=admin`; 2FA from the owner-only
 * `filter=2fa_disabled` list. When GitHub refuses that filter (token not an owner) every
 * member's mfaEnabled is null: unknown, never assumed.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError } from '../../../scanner/errors.ts';
import type { GitHubClient } from '../client.ts';
import { resumeUrl } from '../collect-list.ts';
import { type GitHubContext, orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { collectAll, listPages } from '../list-pages.ts';
import { GhUser, mfaVerdict, normalizeMember } from '../normalize/people.ts';
import { PageCache } from '../page-cache.ts';

/** Ids listed by `filter=2fa_disabled`, or null when the filter is refused (403/422). */
export async function idsWithoutTwoFactor(
  ctx: GitHubContext,
  cache: PageCache,
  route: string,
): Promise<Set<number> | null> {
  try {
    const users = await collectAll(ctx.client, cache, {
      route,
      params: { org: orgOf(ctx), filter: '2fa_disabled' },
      item: GhUser,
    });
    return new Set(users.map((user) => user.id));
  } catch (error) {
    const status = isPeriscopeError(error) ? error.details.status : undefined;
    if (status !== 403 && status !== 422) throw error;
    ctx.logger.warn({ route, status }, 'github 2fa_disabled filter refused; 2FA status unknown');
    return null;
  }
}

export const membersStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'members',
  kinds: ['identity'],
  async *collect(ctx, checkpoint) {
    const org = orgOf(ctx);
    const route = 'GET /orgs/{org}/members';
    const cache = await PageCache.load(ctx.state, 'members');
    const start = resumeUrl(checkpoint);
    try {
      const admins = await collectAll(ctx.client, cache, {
        route,
        params: { org, role: 'admin' },
        item: GhUser,
      });
      const adminIds = new Set(admins.map((user) => user.id));
      const withoutTwoFactor = await idsWithoutTwoFactor(ctx, cache, route);
      for await (const page of listPages(
        ctx.client,
        cache,
        { route, params: { org }, item: GhUser },
        start,
      )) {
        const observedAt = new Date().toISOString();
        const assets = page.items.map((user) =>
          normalizeMember(
            user,
            { isAdmin: adminIds.has(user.id), mfaEnabled: mfaVerdict(user.id, withoutTwoFactor) },
            observedAt,
          ),
        );
        yield { assets, checkpoint: { next: page.next } };
      }
    } finally {
      await cache.save(start !== undefined);
    }
  },
});
