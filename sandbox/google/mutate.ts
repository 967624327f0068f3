/**
 * Changes a test makes to the live tenant between scans. Every file mutation appends to the
 * change log, so `changes.list` reports it exactly as Drive would after a user's edit, and to
 * the audit log (Reports `drive` events naming the owner or shared drive); grant changes append
 * `token` authorize/revoke events. The `record*` calls add audit events without other changes.
 */
import {
  aclChange,
  driveActivity,
  type GeminiUse,
  geminiActivity,
  loginActivity,
  tokenActivity,
  tokenAuthorize,
  tokenRevoke,
} from './events.ts';
import { iso, userPermission } from './file-store.ts';
import { findSku } from './licenses.ts';
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
  /** A token `activity` event: the user's grant to `clientId` was used (its last use). */
  recordTokenActivity(
    email: string,
    clientId: string,
    call?: { apiName?: string; methodName?: string; responseBytes?: number; at?: Date },
  ): void;
  /** A gemini_in_workspace_apps `feature_utilization` event for the user. */
  recordGeminiUse(email: string, use?: GeminiUse & { at?: Date }): void;
  /** A login_success (which also sets lastLoginTime) or login_failure event. */
  recordLogin(email: string, options?: { success?: boolean; at?: Date }): void;
  /** Assigns a SKU; replaces the user's SKU of that product, as the License Manager allows one. */
  assignLicense(email: string, productId: string, skuId: string): void;
  /** Revokes the user's licence for a product (no-op when they hold none). */
  revokeLicense(email: string, productId: string): void;
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
  /** Saves a permission change and logs its acl_change events. */
  const saveAcl = (previous: DriveFile, changed: DriveFile) => {
    const next = save(changed);
    const activity = aclChange(tenant, previous, next, now().getTime());
    if (activity) tenant.events.add(activity);
    return next;
  };
  const access = (file: DriveFile, name: string) =>
    tenant.events.add(driveActivity(tenant, file, now().getTime(), [{ type: 'access', name }]));
  const when = (at: Date | undefined) => (at ?? now()).getTime();
  let nextPermission = 1;

  return {
    updateUser(email, patch) {
      return Object.assign(user(email), patch);
    },
    addGrant(email, grant) {
      const u = user(email);
      tenant.grants.set(u.index, [...(tenant.grants.get(u.index) ?? []), grant]);
      tenant.events.add(tokenAuthorize(u.index, { ...grant, scopes: [...grant.scopes] }, now().getTime()));
    },
    removeGrant(email, clientId) {
      const u = user(email);
      const all = tenant.grants.get(u.index) ?? [];
      tenant.grants.set(
        u.index,
        all.filter((g) => g.clientId !== clientId),
      );
      for (const g of all)
        if (g.clientId === clientId) tenant.events.add(tokenRevoke(u.index, g, now().getTime()));
    },
    shareFile(fileId, permission) {
      const current = file(fileId);
      const id = permission.id ?? `sim${nextPermission++}`;
      return saveAcl(current, { ...current, permissions: [...current.permissions, { ...permission, id }] });
    },
    unshareFile(fileId, permissionId) {
      const current = file(fileId);
      return saveAcl(current, {
        ...current,
        permissions: current.permissions.filter((p) => p.id !== permissionId),
      });
    },
    updateFile(fileId, patch) {
      const current = file(fileId);
      const next = save({ ...current, ...patch });
      if (patch.trashed !== undefined && patch.trashed !== current.trashed) {
        access(next, patch.trashed ? 'trash' : 'untrash');
      }
      const edited =
        (patch.content !== undefined && patch.content !== current.content) ||
        (patch.mimeType !== undefined && patch.mimeType !== current.mimeType);
      if (edited) access(next, 'edit');
      else if (patch.name !== undefined && patch.name !== current.name) {
        tenant.events.add(
          driveActivity(tenant, next, now().getTime(), [
            { type: 'access', name: 'rename', extra: { old_value: [current.name], new_value: [next.name] } },
          ]),
        );
      }
      return next;
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
      access(created, 'create');
      return created;
    },
    deleteFile(fileId) {
      const current = file(fileId);
      tenant.files.delete(current.index);
      record(current, true);
      access(current, 'delete');
    },
    recordTokenActivity(email, clientId, call = {}) {
      const u = user(email);
      const g = (tenant.grants.get(u.index) ?? []).find((x) => x.clientId === clientId);
      if (!g) throw new Error(`google simulator: ${email} holds no grant for ${clientId}`);
      tenant.events.add(tokenActivity(u.index, g, when(call.at), call));
    },
    recordGeminiUse(email, use = {}) {
      tenant.events.add(geminiActivity(user(email).index, when(use.at), use));
    },
    recordLogin(email, options = {}) {
      const u = user(email);
      const success = options.success ?? true;
      const at = when(options.at);
      tenant.events.add(loginActivity(u.index, at, success));
      if (success && at > Date.parse(u.lastLoginTime)) u.lastLoginTime = iso(at);
    },
    assignLicense(email, productId, skuId) {
      if (!findSku(productId, skuId)) throw new Error(`google simulator: no SKU ${productId}/${skuId}`);
      const u = user(email);
      const held = tenant.licenses.find((l) => l.user === u.index && l.productId === productId);
      if (held) held.skuId = skuId;
      else tenant.licenses.push({ user: u.index, productId, skuId });
    },
    revokeLicense(email, productId) {
      const u = user(email);
      tenant.licenses = tenant.licenses.filter((l) => !(l.user === u.index && l.productId === productId));
    },
  };
}
