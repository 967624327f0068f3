/**
 * After a full pass, drives are read through their delta links — only the drives of sites
 * modified since (one getAllSites listing tells) — service principals through their delta:
 * a rescan with 1% of the items changed makes a small fraction of the full scan's calls and
 * ends with exactly the findings a full scan would.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamState } from '../../../db/schema.ts';
import { findMicrosoftViolations } from '../../../sandbox/index.ts';
import { type MicrosoftHarness, startMicrosoftHarness } from '../../support/microsoft-harness.ts';

/** What a full scan finds; content inspection is off here (scan.test.ts covers the DLP rules). */
function oracle(h: MicrosoftHarness): string[] {
  return findMicrosoftViolations(h.sim.tenant, new Date())
    .filter((v) => !v.ruleId.startsWith('common/dlp-'))
    .map((v) => `${v.ruleId} ${v.assetKey}`)
    .sort();
}

describe('microsoft-365 incremental rescans', () => {
  let h: MicrosoftHarness;
  beforeAll(async () => {
    h = await startMicrosoftHarness({
      sim: { size: { users: 1000, itemsPerDrive: 20, sites: 3, itemsPerSite: 200 } },
    });
  });
  afterAll(() => h?.close());

  const itemsOf = (driveIndex: number) => {
    const out: string[] = [];
    for (let i = 0; i < h.sim.tenant.items.size; i += 1) {
      const item = h.sim.tenant.items.get(i);
      if (item && item.drive === driveIndex && !item.folder) out.push(item.id);
    }
    return out;
  };

  it('reads only what changed, and finds what a full scan finds', async () => {
    const first = await h.scan();
    expect(first.outcome.status).toBe('succeeded');
    const fullCalls = first.scan.httpCalls;
    const total = h.sim.tenant.items.size;

    const teamDrives = h.sim.tenant.drives.filter((d) => d.driveType === 'documentLibrary').slice(0, 2);
    let changed = 0;
    for (const drive of teamDrives) {
      const ids = itemsOf(drive.index).slice(0, 100);
      for (const id of ids.slice(0, 60))
        h.sim.mutate.shareItem(drive.id, id, { link: { scope: 'anonymous', type: 'view' } });
      for (const id of ids.slice(60, 90))
        h.sim.mutate.updateItem(drive.id, id, { name: `renamed-${id}.txt` });
      for (const id of ids.slice(90, 100)) h.sim.mutate.deleteItem(drive.id, id);
      changed += ids.length;
    }
    expect(changed / total).toBeLessThanOrEqual(0.011);

    const second = await h.scan();
    expect(second.outcome.status).toBe('succeeded');
    expect(second.scan.streams.drives?.mode).toBe('delta');
    expect(second.scan.httpCalls / fullCalls).toBeLessThanOrEqual(0.02);
    const afterDelta = await h.findingKeys();
    expect(afterDelta).toEqual(oracle(h));

    await h.database.db.delete(streamState).where(eq(streamState.connectionId, h.connectionId));
    const third = await h.scan();
    expect(third.scan.streams.drives?.mode).toBe('full');
    expect(await h.findingKeys()).toEqual(afterDelta);
  });

  it('restarts only the drive whose delta link Graph no longer honours (410 Gone)', async () => {
    const drive = h.sim.tenant.drives.find((d) => d.driveType === 'documentLibrary');
    if (!drive) throw new Error('no library');
    const [target] = itemsOf(drive.index);
    h.sim.mutate.invalidateDriveDeltaTokens(drive.id);
    h.sim.mutate.shareItem(drive.id, target as string, { link: { scope: 'anonymous', type: 'edit' } });
    const gone = () => h.sim.requests.byStatus()['410'] ?? 0;
    const before = gone();
    const { outcome, scan } = await h.scan();
    expect(outcome.status).toBe('succeeded');
    expect(scan.streams.drives?.mode).toBe('delta');
    expect(gone() - before).toBe(1);
    const keys = await h.findingKeys();
    expect(keys).toContain(`common/file-public-edit microsoft-365:file:${drive.id}:${target}`);
    expect(keys).toEqual(oracle(h));
  });
});
