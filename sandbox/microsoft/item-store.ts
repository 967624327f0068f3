/**
 * Compact drive-item storage. Generated items are four typed arrays (kind, sharing class,
 * share target, age) laid out in index ranges — OneDrive d holds [d·P, (d+1)·P), then each team
 * site library its own range — so 1,000,000 items cost ~10 bytes each, and a drive's listing walks
 * only its range. The first few slots of every drive are folders under the root; the rest are
 * files spread over those folders. A `DriveItem` exists only while a page is serialised, or as an
 * override once a mutation changes that item.
 */
import { guidFromName, itemIdOf, parseItemId } from './ids.ts';
import type { Drive, DriveItem, DrivePermission, ItemStore, MsUser } from './types.ts';

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
} as const;

/** Kind codes stored per item: 0 is a folder, then file types in this order. */
export const FILE_KINDS = [
  { ext: 'docx', mime: MIME.docx },
  { ext: 'xlsx', mime: MIME.xlsx },
  { ext: 'txt', mime: MIME.txt },
  { ext: 'csv', mime: MIME.csv },
  { ext: 'png', mime: MIME.png },
] as const;

/** Sharing classes stored per item (direct permissions on top of the inherited ones). */
export const Sharing = {
  none: 0,
  anonymousView: 1,
  anonymousEdit: 2,
  organizationView: 3,
  organizationEdit: 4,
  /** A `users` link (edit) for a colleague: target = user index. */
  internalLink: 5,
  /** A direct grant (write) to a colleague: target = user index. */
  internalGrant: 6,
  /** An invitation (read) to an outside address: target = EXTERNAL_EMAILS index. */
  externalInvite: 7,
  /** A direct grant (read) to a guest account: target = user index. */
  guestGrant: 8,
  /** A `users` link (view) for an outside address: target = EXTERNAL_EMAILS index. */
  externalLink: 9,
} as const;

export const EXTERNAL_EMAILS = [
  'consultant@gmail.com',
  'vendor@contractor-corp.com',
  'partner@othercompany.io',
  'freelancer@outlook.com',
];

const TOPICS = ['Budget', 'Roadmap', 'Payroll', 'Notes', 'Contract', 'Plan', 'Report', 'Invoice', 'Specs'];
const FOLDERS = ['Projects', 'Shared', 'Archive'];

export interface CompactItems {
  oneDrives: number;
  perOneDrive: number;
  siteDrives: number;
  perSiteDrive: number;
  kind: Uint8Array;
  sharing: Uint8Array;
  target: Int32Array;
  /** Seconds before `now` of the last modification. */
  age: Uint32Array;
}

export interface ItemStoreContext {
  compact: CompactItems;
  drives: Drive[];
  users: MsUser[];
  now: Date;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Folders at the start of a drive of `perDrive` items. */
export function foldersIn(perDrive: number): number {
  if (perDrive >= 10) return 3;
  return perDrive >= 4 ? 1 : 0;
}

/** Permission id of a tenant user's direct grant: base64url of their SharePoint login name. */
export const userPermissionId = (upn: string) =>
  Buffer.from(`i:0#.f|membership|${upn.toLowerCase()}`).toString('base64url');
export const invitationPermissionId = (email: string) =>
  Buffer.from(`i:0#.f|membership|urn:spo:guest#${email.toLowerCase()}`).toString('base64url');
export const linkPermissionId = (item: number, n: number) => guidFromName(`link:${item}:${n}`);

/** The direct permission a compact sharing class stands for. */
function sharingPermission(index: number, code: number, target: number, users: MsUser[]): DrivePermission[] {
  const link = (scope: 'anonymous' | 'organization' | 'users', type: 'view' | 'edit', extra = {}) => [
    {
      id: linkPermissionId(index, 0),
      roles: [type === 'edit' ? 'write' : 'read'],
      link: { scope, type },
      ...extra,
    } satisfies DrivePermission,
  ];
  const user = users[target];
  switch (code) {
    case Sharing.anonymousView:
      return link('anonymous', 'view');
    case Sharing.anonymousEdit:
      return link('anonymous', 'edit');
    case Sharing.organizationView:
      return link('organization', 'view');
    case Sharing.organizationEdit:
      return link('organization', 'edit');
    case Sharing.internalLink:
      return user ? link('users', 'edit', { user: target }) : [];
    case Sharing.internalGrant:
      return user ? [{ id: userPermissionId(user.userPrincipalName), roles: ['write'], user: target }] : [];
    case Sharing.guestGrant:
      return user ? [{ id: userPermissionId(user.userPrincipalName), roles: ['read'], user: target }] : [];
    case Sharing.externalInvite: {
      const email = EXTERNAL_EMAILS[target] ?? (EXTERNAL_EMAILS[0] as string);
      return [{ id: invitationPermissionId(email), roles: ['read'], email }];
    }
    case Sharing.externalLink: {
      const email = EXTERNAL_EMAILS[target] ?? (EXTERNAL_EMAILS[0] as string);
      return link('users', 'view', { email });
    }
    default:
      return [];
  }
}

/** Generated text content: a short draft, or a small table for spreadsheets and CSV. */
function generatedContent(name: string, kind: number, index: number): string {
  if (kind === 2 || kind === 4) return `item,amount\n${name},${index % 1000}\n`;
  if (kind === 5) return '';
  return `${name}\n\nDraft text.\n`;
}

export function createItemStore(ctx: ItemStoreContext): ItemStore {
  const { compact, drives, users, now } = ctx;
  const oneDriveItems = compact.oneDrives * compact.perOneDrive;
  const baseSize = oneDriveItems + compact.siteDrives * compact.perSiteDrive;
  const overrides = new Map<number, DriveItem | null>();
  const addedDrives = new Map<number, number>();
  const added: number[] = [];
  let size = baseSize;

  const locate = (i: number) => {
    if (i < oneDriveItems) {
      const drive = Math.floor(i / compact.perOneDrive);
      return { drive, start: drive * compact.perOneDrive, perDrive: compact.perOneDrive };
    }
    const site = Math.floor((i - oneDriveItems) / compact.perSiteDrive);
    return {
      drive: compact.oneDrives + site,
      start: oneDriveItems + site * compact.perSiteDrive,
      perDrive: compact.perSiteDrive,
    };
  };

  /** The generated parent of slot i: one of the drive's first folders, or -1 (the root). */
  const parentSlot = (i: number): number => {
    const { start, perDrive } = locate(i);
    const k = i - start;
    const folders = foldersIn(perDrive);
    if (k < folders || folders === 0) return -1;
    const slot = k % (folders + 1);
    return slot === folders ? -1 : start + slot;
  };
  const unsharedSlot = (i: number) =>
    i < baseSize && !overrides.has(i) && compact.sharing[i] === Sharing.none;

  /** Builds the generated item at slot i from the compact arrays. */
  const materialise = (i: number): DriveItem => {
    const { drive, start, perDrive } = locate(i);
    const k = i - start;
    const folders = foldersIn(perDrive);
    const modified = now.getTime() - (compact.age[i] ?? 0) * 1000;
    const created = modified - ((i * 7919) % 400) * 86_400_000;
    const permissions = sharingPermission(i, compact.sharing[i] ?? 0, compact.target[i] ?? -1, users);
    if (k < folders) {
      return {
        index: i,
        id: itemIdOf(i),
        drive,
        parent: -1,
        name: FOLDERS[k] ?? `Folder ${k}`,
        folder: true,
        mimeType: null,
        size: 0,
        createdDateTime: iso(created),
        lastModifiedDateTime: iso(modified),
        permissions,
        content: '',
      };
    }
    const kind = Math.max(1, compact.kind[i] ?? 1);
    const spec = FILE_KINDS[kind - 1] ?? FILE_KINDS[0];
    const name = `${TOPICS[i % TOPICS.length]} ${i}.${spec.ext}`;
    const content = generatedContent(name, kind, i);
    return {
      index: i,
      id: itemIdOf(i),
      drive,
      parent: parentSlot(i),
      name,
      folder: false,
      mimeType: spec.mime,
      size: content ? Buffer.byteLength(content) : 2048 + (i % 50_000),
      createdDateTime: iso(created),
      lastModifiedDateTime: iso(modified),
      permissions,
      content,
    };
  };

  return {
    get size() {
      return size;
    },
    get(index) {
      if (index < 0 || index >= size) return undefined;
      const override = overrides.get(index);
      if (override !== undefined) return override ?? undefined;
      return materialise(index);
    },
    put(item) {
      overrides.set(item.index, item);
    },
    delete(index) {
      overrides.set(index, null);
    },
    add(item) {
      const index = size;
      size += 1;
      const full: DriveItem = { ...item, index, id: itemIdOf(index) };
      added.push(index);
      addedDrives.set(index, item.drive);
      overrides.set(index, full);
      return full;
    },
    driveRange(drive) {
      if (drive < compact.oneDrives)
        return { start: drive * compact.perOneDrive, end: (drive + 1) * compact.perOneDrive };
      const site = drive - compact.oneDrives;
      return {
        start: oneDriveItems + site * compact.perSiteDrive,
        end: oneDriveItems + (site + 1) * compact.perSiteDrive,
      };
    },
    addedIndices: () => added,
    isUnshared(index) {
      if (!unsharedSlot(index)) return false;
      const parent = parentSlot(index);
      return parent < 0 || unsharedSlot(parent);
    },
    childrenOf(drive, folder) {
      const out: number[] = [];
      const range = this.driveRange(drive);
      const parentOf = (i: number) => {
        const override = overrides.get(i);
        return override === undefined ? parentSlot(i) : (override?.parent ?? Number.NaN);
      };
      for (let i = range.start; i < range.end; i += 1) if (parentOf(i) === folder) out.push(i);
      for (const i of added) if (addedDrives.get(i) === drive && parentOf(i) === folder) out.push(i);
      return out;
    },
    driveOf(index) {
      if (index >= baseSize) return addedDrives.get(index) ?? -1;
      return index >= 0 && drives.length > 0 ? locate(index).drive : -1;
    },
  };
}

/** Parses an item id to its slot (undefined for roots and ids this store never issued). */
export function itemIndexOf(store: ItemStore, id: string): number | undefined {
  const parsed = parseItemId(id);
  if (!parsed || !('item' in parsed) || parsed.item >= store.size) return undefined;
  return parsed.item;
}
