/**
 * The incremental benchmark's changes: `count` drive files changed through `sim.mutate` (which
 * writes the drive change log `root/delta` reads, flags sharing changes, and moves the site's
 * lastModifiedDateTime as SharePoint does), in a mix of edits and renames, new shares, removed
 * shares and deletions. Folders are left alone.
 *
 * - `clustered`: every file of a few sites drawn at random (OneDrives and team sites alike) until
 *   `count` — activity concentrated in ~1% of the sites, the shape the connector's
 *   site-modification check exploits.
 * - `spread`: files drawn uniformly at random over the whole tenant (1% of the files touches most
 *   OneDrives at ~100 files each).
 *
 * Runs in the simulator's process, where the tenant lives.
 */
import { createRandom, type Random } from '../sandbox/index.ts';
import type { DriveItem, MicrosoftSimulator, SharePermission } from '../sandbox/microsoft/index.ts';

export type MutationMode = 'clustered' | 'spread';

export interface MutationSummary {
  mode: MutationMode;
  files: number;
  /** Sites whose files changed. */
  sites: number;
  byKind: Record<'edit' | 'rename' | 'share' | 'unshare' | 'delete', number>;
}

const SHARE_TARGETS: SharePermission[] = [
  { link: { scope: 'anonymous', type: 'view' } },
  { email: 'auditor@partner-firm.example', role: 'write' },
  { email: 'someone@gmail.com', role: 'read' },
  { link: { scope: 'organization', type: 'view' } },
];

export function mutateFiles(
  sim: Pick<MicrosoftSimulator, 'tenant' | 'mutate'>,
  mode: MutationMode,
  count: number,
  seed: number,
): MutationSummary {
  const { tenant } = sim;
  const random = createRandom(seed);
  const live = (i: number): DriveItem | undefined => {
    const item = tenant.items.get(i);
    return item && !item.folder ? item : undefined;
  };
  const chosen: DriveItem[] = [];
  const sites = new Set<number>();
  if (mode === 'clustered') {
    const drawn = new Set<number>();
    while (chosen.length < count && drawn.size < tenant.sites.length) {
      const site = tenant.sites[Math.floor(random.next() * tenant.sites.length)];
      if (!site || drawn.has(site.index)) continue;
      drawn.add(site.index);
      const { start, end } = tenant.items.driveRange(site.drive);
      for (let i = start; i < end && chosen.length < count; i += 1) {
        const item = live(i);
        if (item) {
          chosen.push(item);
          sites.add(site.index);
        }
      }
    }
  } else {
    const picked = new Set<number>();
    const slots = tenant.items.size;
    while (chosen.length < count && picked.size < slots) {
      const i = Math.floor(random.next() * slots);
      if (picked.has(i)) continue;
      picked.add(i);
      const item = live(i);
      if (!item) continue;
      chosen.push(item);
      sites.add(tenant.drives[item.drive]?.site ?? -1);
    }
  }
  const byKind: MutationSummary['byKind'] = { edit: 0, rename: 0, share: 0, unshare: 0, delete: 0 };
  for (const item of chosen) byKind[mutateOne(sim, item, random)] += 1;
  return { mode, files: chosen.length, sites: sites.size, byKind };
}

/** One change: 25% content edits, 20% renames, 20% removed shares (when shared), 25%+ new shares, 10% deletions. */
function mutateOne(
  sim: Pick<MicrosoftSimulator, 'tenant' | 'mutate'>,
  item: DriveItem,
  random: Random,
): keyof MutationSummary['byKind'] {
  const driveId = sim.tenant.drives[item.drive]?.id as string;
  const roll = random.next();
  if (roll < 0.25) {
    sim.mutate.updateItem(driveId, item.id, { content: `${item.content}\nEdited.` });
    return 'edit';
  }
  if (roll < 0.45) {
    sim.mutate.updateItem(driveId, item.id, { name: `v2 ${item.name}` });
    return 'rename';
  }
  const direct = item.permissions.filter((p) => !p.inherited);
  if (roll < 0.65 && direct.length > 0) {
    sim.mutate.unshareItem(driveId, item.id, (direct[0] as { id: string }).id);
    return 'unshare';
  }
  if (roll < 0.9) {
    sim.mutate.shareItem(driveId, item.id, { ...random.pick(SHARE_TARGETS) } as SharePermission);
    return 'share';
  }
  sim.mutate.deleteItem(driveId, item.id);
  return 'delete';
}
