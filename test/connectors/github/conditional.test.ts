/**
 * ETag rescans and checkpoints: an unchanged rescan is answered by 304s (free against the
 * primary limit) yet re-emits the same assets; a change re-fetches only what changed; a
 * stream resumed from a checkpoint yields exactly the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubConnector } from '../../../connectors/github/index.ts';
import { githubManifest } from '../../../connectors/github/manifest.ts';
import { type GitHubSimulator, startGitHubSimulator } from '../../../sandbox/github/index.ts';
import type { Asset } from '../../../scanner/model.ts';
import { collectAssets, collectBatches, githubContext, keysOf, memoryState } from './harness.ts';

let sim: GitHubSimulator;
beforeAll(async () => {
  sim = await startGitHubSimulator({ seed: 11, size: { members: 230, repos: 120 } });
});
afterAll(() => sim?.close());

const streamNames = githubConnector.streams.map((s) => s.name).filter((name) => name !== 'pat-grants');
const withoutClock = (assets: Asset[]) =>
  assets
    .map(({ observedAt: _observedAt, ...rest }) => rest)
    .sort((a, b) => a.externalId.localeCompare(b.externalId));

async function scanAll(ctx: ReturnType<typeof githubContext>): Promise<Map<string, Asset[]>> {
  const byStream = new Map<string, Asset[]>();
  for (const name of streamNames) byStream.set(name, await collectAssets(ctx, name));
  return byStream;
}

describe('github conditional requests', () => {
  it('re-emits the same assets from 304s on an unchanged rescan, at ~0 primary cost', async () => {
    const state = memoryState();
    const first = githubContext(sim, 'owner-token', state);
    const before = await scanAll(first);
    expect(first.http.summary().total).toBeGreaterThan(streamNames.length);

    const second = githubContext(sim, 'owner-token', state);
    const after = await scanAll(second);
    for (const name of streamNames)
      expect(withoutClock(after.get(name) ?? [])).toEqual(withoutClock(before.get(name) ?? []));
    const cost = second.http.summary();
    expect(cost.notModified).toBe(cost.total);
    expect(cost.primaryCost).toBe(0);
  });

  it('costs one token mint on an unchanged rescan with App auth, pat-grants included', async () => {
    const state = memoryState();
    const names = githubConnector.streams.map((s) => s.name);
    for (const name of names) await collectAssets(githubContext(sim, 'app', state), name);
    const rescan = githubContext(sim, 'app', state);
    for (const name of names) await collectAssets(rescan, name);
    // The only billable call is POST /app/installations/{id}/access_tokens.
    expect(rescan.http.summary().primaryCost).toBeLessThanOrEqual(1);
  });

  it('re-fetches a changed page and follows the remembered next links past unchanged ones', async () => {
    const state = memoryState();
    await collectAssets(githubContext(sim, 'owner-token', state), 'members');
    const last = sim.tenant.members.at(-1);
    if (!last) throw new Error('no members');
    sim.mutate.setTwoFactor(last.id, 'disabled');

    const rescan = githubContext(sim, 'owner-token', state);
    const members = await collectAssets(rescan, 'members');
    expect(members).toHaveLength(sim.tenant.members.length);
    expect(members.find((m) => m.externalId === String(last.id))).toMatchObject({ mfaEnabled: false });
    const cost = rescan.http.summary();
    expect(cost.notModified).toBeGreaterThan(0);
    // Only the 2FA list and the page holding the member changed.
    expect(cost.primaryCost).toBeLessThanOrEqual(2);
  });
});

describe('github checkpoints', () => {
  it('resumes a paginated stream after its first page', async () => {
    const ctx = githubContext(sim, 'owner-token');
    const all = await collectBatches(ctx, 'members');
    expect(all.length).toBeGreaterThan(2);
    const firstCheckpoint = all[0]?.checkpoint;
    const rest = await collectBatches(githubContext(sim, 'owner-token'), 'members', firstCheckpoint);
    const keys = (batches: typeof all) => batches.flatMap((b) => b.assets.map((a) => a.externalId));
    expect(keys(rest)).toEqual(keys(all.slice(1)));
  });

  it('resumes deploy-keys after a batch of repositories', async () => {
    const all = await collectBatches(githubContext(sim, 'owner-token'), 'deploy-keys');
    expect(all.length).toBe(Math.ceil(sim.tenant.repos.length / githubManifest.repoBatchSize));
    expect(all[0]?.checkpoint).toEqual({ repoIndex: githubManifest.repoBatchSize - 1 });
    const rest = await collectBatches(githubContext(sim, 'owner-token'), 'deploy-keys', all[0]?.checkpoint);
    expect(rest.flatMap((b) => b.assets).length).toBeGreaterThan(0);
    expect(keysOf(rest.flatMap((b) => b.assets) as Asset[])).toEqual(
      keysOf(all.slice(1).flatMap((b) => b.assets) as Asset[]),
    );
  });
});
