/**
 * The generated Google Workspace tenant. Users, OAuth grants and shared drives are plain
 * objects (10,000 users is small); files live in a `FileStore` backed by typed arrays so a
 * 1,000,000-file tenant costs a few bytes per file until a file is materialised for a page.
 */

import type { EventLog } from './events.ts';
import type { GooglePlantedSet } from './plant.ts';

export interface GoogleUser {
  index: number;
  /** Numeric id as a string, 21 digits like Google's. */
  id: string;
  primaryEmail: string;
  givenName: string;
  familyName: string;
  /** Super admin. */
  isAdmin: boolean;
  isDelegatedAdmin: boolean;
  isEnrolledIn2Sv: boolean;
  isEnforcedIn2Sv: boolean;
  suspended: boolean;
  archived: boolean;
  /** `1970-01-01T00:00:00.000Z` when the user never signed in, as Google reports it. */
  lastLoginTime: string;
  creationTime: string;
  orgUnitPath: string;
}

/** A third-party OAuth grant as `tokens.list` reports it. */
export interface GoogleOAuthGrant {
  clientId: string;
  displayText: string;
  scopes: string[];
  nativeApp: boolean;
  anonymous: boolean;
}

export type PermissionType = 'user' | 'group' | 'domain' | 'anyone';
export type PermissionRole = 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';

export interface GooglePermission {
  id: string;
  type: PermissionType;
  role: PermissionRole;
  emailAddress?: string;
  domain?: string;
  displayName?: string;
  allowFileDiscovery?: boolean;
  expirationTime?: string;
  /** Shared-drive items: inherited from the drive membership. */
  inherited?: boolean;
}

export interface SharedDrive {
  index: number;
  id: string;
  name: string;
  createdTime: string;
  hidden: boolean;
  orgUnitId: string;
  restrictions: {
    adminManagedRestrictions: boolean;
    copyRequiresWriterPermission: boolean;
    domainUsersOnly: boolean;
    driveMembersOnly: boolean;
    sharingFoldersRequiresOrganizerPermission: boolean;
  };
  members: Array<{ user: number; role: PermissionRole }>;
}

/** A file as served; materialised on demand from the compact store. */
export interface DriveFile {
  index: number;
  id: string;
  name: string;
  mimeType: string;
  /** Owning user index; -1 for shared-drive items (the drive owns them). */
  owner: number;
  /** Shared-drive index; -1 for My Drive items. */
  drive: number;
  createdTime: string;
  modifiedTime: string;
  trashed: boolean;
  /** Direct permissions (owner included for My Drive items; drive members are added when served). */
  permissions: GooglePermission[];
  /** Text content (Docs/Sheets export, or the bytes of a text-like blob). */
  content: string;
}

export interface ChangeEntry {
  /** Position in the log; page tokens are `String(CHANGE_BASE + seq)`. */
  seq: number;
  fileIndex: number;
  /** Owner and drive at the time of the change, so removals still reach the right users. */
  owner: number;
  drive: number;
  removed: boolean;
  time: string;
}

export interface GoogleTenant {
  customerId: string;
  domain: string;
  users: GoogleUser[];
  /** OAuth grants per user index. */
  grants: Map<number, GoogleOAuthGrant[]>;
  drives: SharedDrive[];
  files: FileStore;
  changes: ChangeEntry[];
  /** The Reports API audit log (token, drive, login, Gemini activities). */
  events: EventLog;
  /** What the generator planted on purpose, and the look-alikes that must stay clean. */
  planted: GooglePlantedSet;
  /** Cloud Identity Policy API policies (root-OU settings and OU/group overrides). */
  policies: GooglePolicy[];
  /** Enterprise License Manager assignments (Workspace editions, Gemini / Google AI SKUs). */
  licenses: GoogleLicenseAssignment[];
}

/** One licence as the License Manager holds it: at most one SKU per (user, product). */
export interface GoogleLicenseAssignment {
  /** User index; the API reports the user's current primary email. */
  user: number;
  productId: string;
  skuId: string;
}

/** A Cloud Identity Policy API policy, exactly as `policies.list` serves it. */
export interface GooglePolicy {
  /** `policies/<id>`. */
  name: string;
  /** `customers/<customerId>`. */
  customer: string;
  policyQuery: { query: string; orgUnit: string; group?: string; sortOrder: number };
  /** `type` is `settings/<app>.<setting>`; `value` holds the setting's camelCase fields. */
  setting: { type: string; value: Record<string, unknown> };
  type: 'ADMIN' | 'SYSTEM';
}

export interface FileStore {
  /** Number of file slots, deleted ones included (indices are stable). */
  readonly size: number;
  /** The file, or undefined when the slot was deleted. */
  get(index: number): DriveFile | undefined;
  /** Replaces a file (a mutation); the override wins over the compact arrays. */
  put(file: DriveFile): void;
  delete(index: number): void;
  /** Appends a file and returns its index. */
  add(file: Omit<DriveFile, 'index' | 'id'>): DriveFile;
  /** Parses a file id back to its index; undefined for ids this store never issued. */
  indexOf(id: string): number | undefined;
  /** The id a slot has (or had, once deleted). */
  idOf(index: number): string;
  /** Index ranges, so listings walk only the files that can match. */
  ownedRange(user: number): { start: number; end: number };
  driveRange(drive: number): { start: number; end: number };
  /** Files shared directly with a user (not owned by them), ascending. */
  sharedWith(user: number): readonly number[];
  /** Files added after generation (any owner), ascending. */
  addedIndices(): readonly number[];
}
