/**
 * Compact Drive file storage. Generated files are a handful of typed arrays (kind, sharing
 * class, share target, age) laid out in index ranges — user u owns [u·F, (u+1)·F), shared
 * drive d holds its own range after the users — so a 1,000,000-file tenant is ~10 MB and a
 * listing walks only the range it needs. A `DriveFile` object exists only while a page is
 * being serialised, or as an override once a test mutates that file.
 */
import type { DriveFile, FileStore, GooglePermission, GoogleUser, PermissionRole } from './types.ts';

export const MIME = {
  doc: 'application/vnd.google-apps.document',
  sheet: 'application/vnd.google-apps.spreadsheet',
  slides: 'application/vnd.google-apps.presentation',
  pdf: 'application/pdf',
  text: 'text/plain',
  csv: 'text/csv',
} as const;

/** Kind codes stored per file, in `KINDS` order. */
export const KINDS = [MIME.doc, MIME.sheet, MIME.slides, MIME.pdf, MIME.text, MIME.csv] as const;
const EXTENSIONS = ['', '', '', '.pdf', '.txt', '.csv'];

/** Sharing classes stored per file. */
export const Sharing = {
  private: 0,
  anyoneWithLink: 1,
  anyoneDiscoverable: 2,
  domain: 3,
  internalUser: 4,
  externalUser: 5,
} as const;

export const EXTERNAL_EMAILS = [
  'consultant@gmail.com',
  'vendor@contractor-corp.com',
  'partner@othercompany.io',
  'freelancer@outlook.com',
];

const TOPICS = ['Budget', 'Roadmap', 'Payroll', 'Notes', 'Contract', 'Plan', 'Report', 'Invoice', 'Specs'];

export interface CompactFiles {
  usersCount: number;
  filesPerUser: number;
  drivesCount: number;
  filesPerDrive: number;
  kind: Uint8Array;
  sharing: Uint8Array;
  /** Internal user index (internalUser) or EXTERNAL_EMAILS index (externalUser). */
  target: Int32Array;
  /** Seconds before `now` of the last modification. */
  age: Uint32Array;
}

export interface FileStoreContext {
  compact: CompactFiles;
  users: GoogleUser[];
  domain: string;
  now: Date;
}

const ID_PATTERN = /^1zS([0-9a-z]{8})$/;
export const fileIdOf = (index: number) => `1zS${index.toString(36).padStart(8, '0')}`;

export const iso = (ms: number) => new Date(ms).toISOString();

function userPermission(user: GoogleUser, role: PermissionRole): GooglePermission {
  return {
    id: user.id,
    type: 'user',
    role,
    emailAddress: user.primaryEmail,
    displayName: `${user.givenName} ${user.familyName}`,
  };
}

export { userPermission };

export function createFileStore(ctx: FileStoreContext): FileStore {
  const { compact, users, domain, now } = ctx;
  const userFiles = compact.usersCount * compact.filesPerUser;
  const baseSize = userFiles + compact.drivesCount * compact.filesPerDrive;
  const overrides = new Map<number, DriveFile | null>();
  const added: number[] = [];
  let size = baseSize;

  const sharedWith = new Map<number, number[]>();
  const addShared = (user: number, index: number) => {
    const list = sharedWith.get(user);
    if (list) list.push(index);
    else sharedWith.set(user, [index]);
  };
  for (let i = 0; i < userFiles; i += 1) {
    if (compact.sharing[i] !== Sharing.internalUser) continue;
    addShared(compact.target[i] as number, i);
  }

  let emails: Map<string, number> | undefined;
  const userByEmail = () => {
    emails ??= new Map(users.map((user) => [user.primaryEmail, user.index]));
    return emails;
  };

  const sharingPermission = (i: number): GooglePermission | undefined => {
    switch (compact.sharing[i]) {
      case Sharing.anyoneWithLink:
        return { id: 'anyoneWithLink', type: 'anyone', role: 'reader', allowFileDiscovery: false };
      case Sharing.anyoneDiscoverable:
        return { id: 'anyone', type: 'anyone', role: 'reader', allowFileDiscovery: true };
      case Sharing.domain:
        return {
          id: `d${domain.length}${i % 7}`,
          type: 'domain',
          role: 'reader',
          domain,
          allowFileDiscovery: false,
        };
      case Sharing.internalUser: {
        const user = users[compact.target[i] as number];
        return user ? userPermission(user, 'writer') : undefined;
      }
      case Sharing.externalUser: {
        const email = EXTERNAL_EMAILS[compact.target[i] as number] ?? EXTERNAL_EMAILS[0];
        return { id: `x${compact.target[i]}`, type: 'user', role: 'writer', emailAddress: email };
      }
      default:
        return undefined;
    }
  };

  /** Builds the generated file at index i from the compact arrays. */
  const materialise = (i: number): DriveFile => {
    const kindCode = compact.kind[i] ?? 0;
    const mimeType = KINDS[kindCode] ?? MIME.doc;
    const inDrive = i >= userFiles;
    const owner = inDrive ? -1 : Math.floor(i / compact.filesPerUser);
    const drive = inDrive ? Math.floor((i - userFiles) / compact.filesPerDrive) : -1;
    const modified = now.getTime() - (compact.age[i] ?? 0) * 1000;
    const name = `${TOPICS[i % TOPICS.length]} ${i}${EXTENSIONS[kindCode] ?? ''}`;
    const permissions: GooglePermission[] = [];
    const ownerUser = users[owner];
    if (ownerUser) permissions.push(userPermission(ownerUser, 'owner'));
    const shared = sharingPermission(i);
    if (shared) permissions.push(shared);
    return {
      index: i,
      id: fileIdOf(i),
      name,
      mimeType,
      owner,
      drive,
      createdTime: iso(modified - ((i * 7919) % 400) * 86_400_000),
      modifiedTime: iso(modified),
      trashed: false,
      permissions,
      content:
        kindCode === 1 || kindCode === 5 ? `item,amount\n${name},${i % 1000}\n` : `${name}\n\nDraft text.\n`,
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
    put(file) {
      overrides.set(file.index, file);
      // Keep "shared with me" right after a mutation shares the file with another user.
      for (const permission of file.permissions) {
        const who = permission.type === 'user' ? userByEmail().get(permission.emailAddress ?? '') : undefined;
        if (who === undefined || who === file.owner) continue;
        const list = sharedWith.get(who);
        if (!list?.includes(file.index)) {
          addShared(who, file.index);
          sharedWith.get(who)?.sort((a, b) => a - b);
        }
      }
    },
    delete(index) {
      overrides.set(index, null);
    },
    add(file) {
      const index = size;
      size += 1;
      const full: DriveFile = { ...file, index, id: fileIdOf(index) };
      added.push(index);
      this.put(full);
      return full;
    },
    indexOf(id) {
      const found = ID_PATTERN.exec(id);
      if (!found) return undefined;
      const index = Number.parseInt(found[1] as string, 36);
      return index < size ? index : undefined;
    },
    idOf: fileIdOf,
    ownedRange: (user) => ({ start: user * compact.filesPerUser, end: (user + 1) * compact.filesPerUser }),
    driveRange: (drive) => ({
      start: userFiles + drive * compact.filesPerDrive,
      end: userFiles + (drive + 1) * compact.filesPerDrive,
    }),
    sharedWith: (user) => sharedWith.get(user) ?? [],
    addedIndices: () => added,
  };
}
