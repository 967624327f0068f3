/**
 * The incremental benchmark's changes: `count` My Drive files of active users changed through
 * `sim.mutate` (which writes the change log and the Reports `drive` audit events as Drive
 * would), in a mix of edits and renames, new shares, removed shares and deletions.
 *
 * - `clustered`: every file of a few users (1% of the files = all the files of 1% of the users):
 *   activity concentrated in few owners, the shape audit-log-driven change feeds exploit.
 * - `spread`: files drawn uniformly at random from every active user's My Drive (1% of the
 *   files touches ~63% of users at 100 files each).
 *
 * Runs in the simulator's process, where the tenant lives.
 */
import { createRandom, type DriveFile, type GoogleSimulator, type Random } from '../sandbox/index.ts';

export type MutationMode = 'clustered' | 'spread';

export interface MutationSummary {
  mode: MutationMode;
  files: number;
  /** Owners whose files changed. */
  owners: number;
  byKind: Record<'edit' | 'rename' | 'share' | 'unshare' | 'delete', number>;
}

const SHARE_TARGETS = [
  { type: 'anyone', role: 'reader', allowFileDiscovery: false },
  { type: 'user', role: 'writer', emailAddress: 'auditor@partner-firm.example' },
  { type: 'user', role: 'reader', emailAddress: 'someone@gmail.com' },
  { type: 'domain', role: 'reader', allowFileDiscovery: false },
] as const;

export function mutateFiles(
  sim: Pick<GoogleSimulator, 'tenant' | 'mutate'>,
  mode: MutationMode,
  count: number,
  seed: number,
): MutationSummary {
  const { tenant } = sim;
  const random = createRandom(seed);
  const live = (i: number): DriveFile | undefined => {
    const file = tenant.files.get(i);
    return file && file.drive < 0 && !file.trashed ? file : undefined;
  };
  const active = tenant.users.filter((u) => !u.suspended);
  const chosen: DriveFile[] = [];
  const owners = new Set<number>();
  if (mode === 'clustered') {
    const drawn = new Set<number>();
    while (chosen.length < count && drawn.size < active.length) {
      const k = Math.floor(random.next() * active.length);
      if (drawn.has(k)) continue;
      drawn.add(k);
      const user = active[k];
      if (!user) continue;
      const { start, end } = tenant.files.ownedRange(user.index);
      for (let i = start; i < end && chosen.length < count; i += 1) {
        const file = live(i);
        if (file?.owner === user.index) {
          chosen.push(file);
          owners.add(user.index);
        }
      }
    }
  } else {
    const activeOwner = new Set(active.map((u) => u.index));
    const picked = new Set<number>();
    const slots = tenant.users.length * (tenant.files.ownedRange(1).start - tenant.files.ownedRange(0).start);
    while (chosen.length < count && picked.size < slots) {
      const i = Math.floor(random.next() * slots);
      if (picked.has(i)) continue;
      picked.add(i);
      const file = live(i);
      if (!file || !activeOwner.has(file.owner)) continue;
      chosen.push(file);
      owners.add(file.owner);
    }
  }
  const byKind: MutationSummary['byKind'] = { edit: 0, rename: 0, share: 0, unshare: 0, delete: 0 };
  for (const file of chosen) byKind[mutateOne(sim, file, random)] += 1;
  return { mode, files: chosen.length, owners: owners.size, byKind };
}

/** One change: 25% content edits, 20% renames, 25% new shares, 20% removed shares, 10% deletions. */
function mutateOne(
  sim: Pick<GoogleSimulator, 'mutate'>,
  file: DriveFile,
  random: Random,
): keyof MutationSummary['byKind'] {
  const roll = random.next();
  if (roll < 0.25) {
    sim.mutate.updateFile(file.id, { content: `${file.content}\nEdited.` });
    return 'edit';
  }
  if (roll < 0.45) {
    sim.mutate.updateFile(file.id, { name: `${file.name} (v2)` });
    return 'rename';
  }
  const shared = file.permissions.filter((p) => p.role !== 'owner');
  if (roll < 0.65 && shared.length > 0) {
    sim.mutate.unshareFile(file.id, (shared[0] as { id: string }).id);
    return 'unshare';
  }
  if (roll < 0.9) {
    sim.mutate.shareFile(file.id, { ...random.pick(SHARE_TARGETS) });
    return 'share';
  }
  sim.mutate.deleteFile(file.id);
  return 'delete';
}
