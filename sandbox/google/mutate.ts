/**
 * Changes a test makes to the live tenant between scans. Every file mutation appends to the
 * change log, so `changes.list` reports it exactly as Drive would after a user's edit.
 */
import { iso, userPermission } from './file-store.ts';
import type { DriveFile, GoogleOAuthGrant, GooglePermission, GoogleTenant, GoogleUser } from './types.ts';

export interface GoogleMutations {
  /** Changes a user's directory record (suspend, 2SV, admin …). */
  updateUser(email: string, patch: Partial<Omit<GoogleUser, 'index' | 'id' | 'primaryEmail'>>): GoogleUser;
  addGrant(email: string, grant: GoogleOAuthGrant): void;
  removeGrant(email: string, clientId: string): void;
  /** Adds a permission (anyone/domain/user) to a file; returns the file as changed. */
  shareFile(fileId: string, permission: Omit<GooglePermission, 'id'> & { id?: string }): DriveFile;
  unshareFile(fileId: string, permissionId: string): DriveFile;
  updateFile(
    fileId: string,
    patch: Partial<Pick<DriveFile, 'name' | 'content' | 'trashed' | 'mimeType'>>,
  ): DriveFile;
  /** Creates a file in `owner`'s My Drive (an email) or in a shared drive (`{ driveId }`). */
  addFile(
    owner: string | { driveId: string },
    file: { name: string; mimeType: string; content?: string; permissions?: GooglePermission[] },
  ): DriveFile;
  deleteFile(fileId: string): void;
}

export function createGoogleMutations(
  tenant: GoogleTenant,
  now: () => Date = () => new Date(),
): GoogleMutations {
  const user = (email: string) => {
    const found = tenant.users.find((u) => u.primaryEmail === email.toLowerCase());
    if (!found) throw new Error(`google simulator: no user ${email}`);
    return found;
  };
  const file = (id: string) => {
    const index = tenant.files.indexOf(id);
    const found = index === undefined ? undefined : tenant.files.get(index);
    if (!found) throw new Error(`google simulator: no file ${id}`);
    return found;
  };
  const record = (changed: DriveFile, removed = false) => {
    tenant.changes.push({
      seq: tenant.changes.length,
      fileIndex: changed.index,
      owner: changed.owner,
      drive: changed.drive,
      removed,
      time: iso(now().getTime()),
    });
  };
  const save = (changed: DriveFile) => {
    const next = { ...changed, modifiedTime: iso(now().getTime()) };
    tenant.files.put(next);
    record(next);
    return next;
  };
  let nextPermission = 1;

  return {
    updateUser(email, patch) {
      return Object.assign(user(email), patch);
    },
    addGrant(email, grant) {
      const u = user(email);
      tenant.grants.set(u.index, [...(tenant.grants.get(u.index) ?? []), grant]);
    },
    removeGrant(email, clientId) {
      const u = user(email);
      tenant.grants.set(
        u.index,
        (tenant.grants.get(u.index) ?? []).filter((g) => g.clientId !== clientId),
      );
    },
    shareFile(fileId, permission) {
      const current = file(fileId);
      const id = permission.id ?? `sim${nextPermission++}`;
      return save({ ...current, permissions: [...current.permissions, { ...permission, id }] });
    },
    unshareFile(fileId, permissionId) {
      const current = file(fileId);
      return save({ ...current, permissions: current.permissions.filter((p) => p.id !== permissionId) });
    },
    updateFile(fileId, patch) {
      return save({ ...file(fileId), ...patch });
    },
    addFile(owner, spec) {
      const at = iso(now().getTime());
      const drive = typeof owner === 'string' ? -1 : tenant.drives.findIndex((d) => d.id === owner.driveId);
      const ownerUser = typeof owner === 'string' ? user(owner) : undefined;
      if (typeof owner !== 'string' && drive < 0)
        throw new Error(`google simulator: no drive ${owner.driveId}`);
      const created = tenant.files.add({
        name: spec.name,
        mimeType: spec.mimeType,
        owner: ownerUser?.index ?? -1,
        drive,
        createdTime: at,
        modifiedTime: at,
        trashed: false,
        permissions: [
          ...(ownerUser ? [userPermission(ownerUser, 'owner')] : []),
          ...(spec.permissions ?? []),
        ],
        content: spec.content ?? '',
      });
      record(created);
      return created;
    },
    deleteFile(fileId) {
      const current = file(fileId);
      tenant.files.delete(current.index);
      record(current, true);
    },
  };
}
