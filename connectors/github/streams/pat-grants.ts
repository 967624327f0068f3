/**
 * pat-grants: fine-grained PATs approved for the org, then pending requests. GitHub serves
 * these endpoints to GitHub Apps only, so token credentials make the stream unavailable
 * (not failed) and its rules are reported as not evaluated.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { StreamUnavailableError } from '../../../scanner/errors.ts';
import type { GitHubClient } from '../client.ts';
import { resumeUrl } from '../collect-list.ts';
import { orgOf } from '../context.ts';
import { type GitHubCredentials, isAppCredentials } from '../credentials.ts';
import { listPages } from '../list-pages.ts';
import { GhPatGrant, normalizePatGrant, normalizePatRequest } from '../normalize/pat.ts';
import { PageCache } from '../page-cache.ts';

const phases = [
  { phase: 'grants', route: 'GET /orgs/{org}/personal-access-tokens', normalize: normalizePatGrant },
  {
    phase: 'requests',
    route: 'GET /orgs/{org}/personal-access-token-requests',
    normalize: normalizePatRequest,
  },
] as const;

export const patGrantsStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'pat-grants',
  kinds: ['api_key'],
  async *collect(ctx, checkpoint) {
    if (!isAppCredentials(ctx.credentials)) {
      throw new StreamUnavailableError(
        'requires_github_app',
        'github: fine-grained PAT grants can only be listed with GitHub App credentials',
      );
    }
    const cache = await PageCache.load(ctx.state, 'pat-grants');
    const resumePhase = phases.findIndex((p) => p.phase === checkpoint?.phase);
    try {
      for (const [index, { phase, route, normalize }] of phases.entries()) {
        if (index < resumePhase) continue;
        const start = index === resumePhase ? resumeUrl(checkpoint) : undefined;
        const pages = listPages(
          ctx.client,
          cache,
          { route, params: { org: orgOf(ctx) }, item: GhPatGrant },
          start,
        );
        for await (const page of pages) {
          const observedAt = new Date().toISOString();
          yield {
            assets: page.items.map((pat) => normalize(pat, observedAt)),
            checkpoint: { phase, next: page.next },
          };
        }
      }
    } finally {
      await cache.save(resumePhase >= 0);
    }
  },
});
