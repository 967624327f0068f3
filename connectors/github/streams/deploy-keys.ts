/**
 * deploy-keys: fans out `GET /repos/{owner}/{repo}/keys` over the org's repositories with
 * bounded concurrency. It lists the repositories itself (sorted by name, so a checkpoint "done
 * up to repository i" holds across a retry) rather than depending on the repos stream.
 */
import { defineStream } from '../../../scanner/connector.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import { orderedPool } from '../../../scanner/ordered-pool.ts';
import type { GitHubClient } from '../client.ts';
import { orgOf } from '../context.ts';
import type { GitHubCredentials } from '../credentials.ts';
import { collectAll, listPages } from '../list-pages.ts';
import { githubManifest } from '../manifest.ts';
import { GhDeployKey, normalizeDeployKey } from '../normalize/deploy-key.ts';
import { GhRepository } from '../normalize/repository.ts';
import { PageCache } from '../page-cache.ts';

export const deployKeysStream = defineStream<GitHubCredentials, GitHubClient>({
  name: 'deploy-keys',
  kinds: ['api_key'],
  async *collect(ctx, checkpoint) {
    const cache = await PageCache.load(ctx.state, 'deploy-keys');
    const resumeAfter = typeof checkpoint?.repoIndex === 'number' ? checkpoint.repoIndex : -1;
    try {
      const repos = await collectAll(ctx.client, cache, {
        route: 'GET /orgs/{org}/repos',
        params: { org: orgOf(ctx), type: 'all', sort: 'full_name', direction: 'asc' },
        item: GhRepository,
      });
      const keysOf = async (repo: GhRepository): Promise<AssetInput[]> => {
        const [owner = '', name = ''] = repo.full_name.split('/');
        const request = {
          route: 'GET /repos/{owner}/{repo}/keys',
          params: { owner, repo: name },
          item: GhDeployKey,
        };
        const assets: AssetInput[] = [];
        for await (const page of listPages(ctx.client, cache, request)) {
          const observedAt = new Date().toISOString();
          assets.push(...page.items.map((key) => normalizeDeployKey(repo.full_name, key, observedAt)));
        }
        return assets;
      };
      const pending = repos.slice(resumeAfter + 1);
      let repoIndex = resumeAfter;
      // A batch per repository cost the scan a database round trip (upsert + checkpoint) each,
      // which dwarfed the HTTP time; one per `repoBatchSize` repositories keeps resumption cheap.
      let batch: AssetInput[] = [];
      for await (const assets of orderedPool(pending, githubManifest.repoConcurrency, keysOf)) {
        repoIndex += 1;
        batch.push(...assets);
        if ((repoIndex + 1) % githubManifest.repoBatchSize === 0 || repoIndex === repos.length - 1) {
          yield { assets: batch, checkpoint: { repoIndex } };
          batch = [];
        }
      }
    } finally {
      await cache.save(resumeAfter >= 0);
    }
  },
});
