/**
 * A scan killed mid-stream and run again resumes from its checkpoints and ends with exactly the
 * findings (and one 'opened' event per finding) of an uninterrupted scan.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOrGetActiveScan, getScanById } from '../../db/scans.ts';
import { isPeriscopeError } from '../../scanner/errors.ts';
import { runScan } from '../../scanner/scan.ts';
import { type GitHubHarness, plantedKeys, startGitHubHarness } from '../support/github-harness.ts';
import { wrapStream } from '../support/wrap-stream.ts';

describe('killed scan', () => {
  let h: GitHubHarness | undefined;
  afterEach(async () => h?.close());

  it('resumes from the checkpoint and matches an uninterrupted scan', async () => {
    h = await startGitHubHarness({ sim: { size: { members: 250 } } });
    const github = h.deps.connectors.github!;
    const killer = new AbortController();
    // Kill the scan right after the first page of members is stored, as a crashed worker would.
    const interrupted = wrapStream(github, 'members', async function* (inner) {
      for await (const batch of inner) {
        yield batch;
        killer.abort();
      }
    });
    const { scan } = await createOrGetActiveScan(h.database.db, h.tenantId, h.connectionId);
    const killed = runScan({ ...h.deps, connectors: { github: interrupted } }, scan.id, {
      signal: killer.signal,
    });
    await expect(killed).rejects.toSatisfy((e: unknown) => isPeriscopeError(e) && e.code === 'cancelled');

    const halfway = (await getScanById(h.database.db, scan.id))!;
    expect(halfway.status).toBe('running');
    expect(halfway.streams.members?.status).toBe('running');
    expect(halfway.streams.members?.checkpoint).toBeDefined();
    const storedBeforeResume = halfway.streams.members!.assets;
    expect(storedBeforeResume).toBeGreaterThan(0);
    expect(storedBeforeResume).toBeLessThan(250);

    const outcome = await runScan(h.deps, scan.id);
    expect(outcome.status).toBe('succeeded');
    const done = (await getScanById(h.database.db, scan.id))!;
    expect(done.attempts).toBe(2);
    // Resumed after the stored page instead of starting over: each member counted once.
    expect(done.streams.members?.assets).toBe(250);

    expect(await h.findingKeys()).toEqual(plantedKeys(h.sim.planted));
    const opened = (await h.events()).filter((e) => e.type === 'opened');
    expect(opened).toHaveLength(h.sim.planted.length);
    expect(new Set(opened.map((e) => e.findingId)).size).toBe(opened.length);
  });
});
