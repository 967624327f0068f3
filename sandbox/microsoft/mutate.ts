/**
 * Changes a test makes to the live tenant between scans. Directory changes (users, service
 * principals) append to the directory log that `users/delta` and `servicePrincipals/delta` read;
 * drive item changes append to the drive log `root/delta` reads, sharing changes flagged for
 * `@microsoft.graph.sharedChanged`. MFA registration, sign-ins and role membership are not
 * directory-object changes and do not show in delta, as in Entra. The invalidation hooks make
 * earlier delta tokens answer 400 syncStateNotFound (directory) or 410 resync (a drive).
 */
import { createRandom } from '../random.ts';
import { addServicePrincipal, appRoleAssignment, type SpDraft } from './apps.ts';
import { GRAPH_APP_ID, roleTemplateNamed } from './catalog.ts';
import { delegatedGrantId, guid } from './ids.ts';
import {
  invitationPermissionId,
  iso,
  itemIndexOf,
  linkPermissionId,
  userPermissionId,
} from './item-store.ts';
import { setScannerRoles } from './scanner-app.ts';
import type {
  AdminConsentRequestPolicy,
  AppRoleAssignment,
  AuthorizationPolicy,
  DelegatedGrant,
  DriveItem,
  DrivePermission,
  KeyCredential,
  MfaRegistration,
  MicrosoftTenant,
  MsUser,
  PasswordCredential,
  ServicePrincipal,
  SharePointSettings,
  SignInActivity,
} from './types.ts';

const DAY = 86_400_000;

/** A permission to add to an item: a link, a tenant user (id or UPN), or an outside address. */
export type SharePermission =
  | {
      link: { scope: 'anonymous' | 'organization' | 'users'; type: 'view' | 'edit' };
      expirationDateTime?: string;
      user?: string;
      email?: string;
    }
  | { user: string; role: 'read' | 'write' }
  | { email: string; role: 'read' | 'write' };

export interface NewItem {
  name: string;
  /** Omit for a folder. */
  mimeType?: string;
  content?: string;
  /** Parent folder item id; default the drive root. */
  parentId?: string;
}

export interface MicrosoftMutations {
  /** Changes a user's directory record (disable, rename …); shows in users/delta. */
  updateUser(
    user: string,
    patch: Partial<Pick<MsUser, 'accountEnabled' | 'displayName' | 'jobTitle' | 'department'>>,
  ): MsUser;
  /** Registers or unregisters MFA (the registration report; not a delta change). */
  setMfa(user: string, registration: Partial<MfaRegistration> & { isMfaRegistered: boolean }): MsUser;
  /** Sets sign-in activity (null = never signed in). */
  setSignIn(user: string, signIn: SignInActivity | null): MsUser;
  assignRole(user: string, roleName: string): void;
  removeRole(user: string, roleName: string): void;
  addUser(spec: { displayName: string; userPrincipalName: string; guest?: boolean; mfa?: boolean }): MsUser;
  /** Soft-deletes a user (delta reports `@removed: changed`). */
  deleteUser(user: string): void;
  addServicePrincipal(draft: SpDraft): ServicePrincipal;
  updateServicePrincipal(
    id: string,
    patch: Partial<
      Pick<
        ServicePrincipal,
        'displayName' | 'accountEnabled' | 'publisherName' | 'verifiedPublisher' | 'homepage'
      >
    >,
  ): ServicePrincipal;
  /** Soft-deletes a service principal with its grants and application permissions. */
  removeServicePrincipal(id: string): void;
  /** A delegated grant: `user` (id or UPN) for a Principal grant, omitted for AllPrincipals. */
  addGrant(spId: string, scope: string, user?: string): DelegatedGrant;
  updateGrant(id: string, scope: string): DelegatedGrant;
  removeGrant(id: string): void;
  /** An application permission (a Graph app role by default). */
  addAppRoleAssignment(spId: string, value: string, resourceAppId?: string): AppRoleAssignment;
  removeAppRoleAssignment(id: string): void;
  /** Replaces the scanner's application permissions (tokens issued afterwards carry them). */
  setScannerRoles(roles: { graph: readonly string[]; sharepoint?: readonly string[] }): void;
  addApplicationCredential(
    applicationId: string,
    spec: {
      kind: 'secret' | 'certificate';
      lifetimeDays: number;
      startedDaysAgo?: number;
      displayName?: string;
    },
  ): PasswordCredential | KeyCredential;
  removeApplicationCredential(applicationId: string, keyId: string): void;
  updateAuthorizationPolicy(
    patch: Partial<Omit<AuthorizationPolicy, 'defaultUserRolePermissions'>> & {
      defaultUserRolePermissions?: Partial<AuthorizationPolicy['defaultUserRolePermissions']>;
    },
  ): void;
  updateAdminConsentRequestPolicy(patch: Partial<AdminConsentRequestPolicy>): void;
  /** SharePoint tenant settings (Graph's and SPO.Tenant's views share them). */
  updateSharePointSettings(patch: Partial<SharePointSettings>): void;
  /** Entra ID P1/P2 on or off. */
  setPremium(premium: boolean): void;
  shareItem(driveId: string, itemId: string, permission: SharePermission): DrivePermission;
  unshareItem(driveId: string, itemId: string, permissionId: string): DriveItem;
  updateItem(driveId: string, itemId: string, patch: Partial<Pick<DriveItem, 'name' | 'content'>>): DriveItem;
  addItem(driveId: string, spec: NewItem): DriveItem;
  deleteItem(driveId: string, itemId: string): void;
  /** Every earlier `root/delta` token of the drive answers 410 resync. */
  invalidateDriveDeltaTokens(driveId: string): void;
  /** Every earlier users/servicePrincipals delta token answers 400 syncStateNotFound. */
  invalidateDirectoryDeltaTokens(): void;
}

export function createMicrosoftMutations(
  tenant: MicrosoftTenant,
  now: () => Date = () => new Date(),
): MicrosoftMutations {
  const random = createRandom(0x5eed ^ tenant.users.length);
  const at = () => iso(now().getTime());
  const userOf = (key: string) => {
    const lower = key.toLowerCase();
    const found = tenant.users.find(
      (u) => !u.deleted && (u.id === lower || u.userPrincipalName.toLowerCase() === lower),
    );
    if (!found) throw new Error(`microsoft simulator: no user ${key}`);
    return found;
  };
  const spOf = (id: string) => {
    const found = tenant.servicePrincipals.find((s) => !s.deleted && (s.id === id || s.appId === id));
    if (!found) throw new Error(`microsoft simulator: no service principal ${id}`);
    return found;
  };
  const logDirectory = (kind: 'user' | 'servicePrincipal', index: number) =>
    tenant.directoryLog.push({ seq: tenant.directoryLog.length, kind, index, time: at() });
  const roleOf = (name: string) => {
    const template = roleTemplateNamed(name);
    const role = tenant.roles.find((r) => r.roleTemplateId === template.roleTemplateId);
    if (!role) throw new Error(`microsoft simulator: no role ${name}`);
    return role;
  };
  const driveOf = (driveId: string) => {
    const drive = tenant.drives.find((d) => d.id === driveId);
    if (!drive) throw new Error(`microsoft simulator: no drive ${driveId}`);
    return drive;
  };
  const itemOf = (driveId: string, itemId: string) => {
    const drive = driveOf(driveId);
    const index = itemIndexOf(tenant.items, itemId);
    const item = index === undefined ? undefined : tenant.items.get(index);
    if (!item || item.drive !== drive.index)
      throw new Error(`microsoft simulator: no item ${itemId} in ${driveId}`);
    return item;
  };
  const logItem = (
    item: { index: number; drive: number },
    change: { deleted?: boolean; sharing?: boolean } = {},
  ) => {
    const time = at();
    tenant.driveLog.push({
      seq: tenant.driveLog.length,
      drive: item.drive,
      item: item.index,
      deleted: change.deleted ?? false,
      sharing: change.sharing ?? false,
      time,
    });
    // SharePoint moves a site's lastModifiedDateTime when content in its libraries changes.
    const site = tenant.sites[tenant.drives[item.drive]?.site ?? -1];
    if (site) site.lastModifiedDateTime = time;
  };
  const save = (item: DriveItem, sharing = false) => {
    const next = { ...item, lastModifiedDateTime: at() };
    tenant.items.put(next);
    logItem(next, { sharing });
    return next;
  };
  let nextLink = 100;

  return {
    updateUser(key, patch) {
      const user = Object.assign(userOf(key), patch);
      logDirectory('user', user.index);
      return user;
    },
    setMfa(key, registration) {
      const user = userOf(key);
      user.mfa = {
        isMfaRegistered: registration.isMfaRegistered,
        isMfaCapable: registration.isMfaCapable ?? registration.isMfaRegistered,
        methodsRegistered:
          registration.methodsRegistered ??
          (registration.isMfaRegistered ? ['microsoftAuthenticatorPush'] : []),
      };
      return user;
    },
    setSignIn(key, signIn) {
      const user = userOf(key);
      user.signIn = signIn;
      return user;
    },
    assignRole(key, name) {
      const user = userOf(key);
      const role = roleOf(name);
      if (!role.members.includes(user.index)) role.members.push(user.index);
    },
    removeRole(key, name) {
      const user = userOf(key);
      const role = roleOf(name);
      role.members = role.members.filter((m) => m !== user.index);
    },
    addUser(spec) {
      const guest = spec.guest ?? false;
      const user: MsUser = {
        index: tenant.users.length,
        id: guid(random),
        displayName: spec.displayName,
        givenName: spec.displayName.split(' ')[0] ?? spec.displayName,
        surname: spec.displayName.split(' ').slice(1).join(' '),
        userPrincipalName: spec.userPrincipalName,
        mail: guest
          ? spec.userPrincipalName.replace(/#EXT#@.*$/i, '').replace(/_([^_]+)$/, '@$1')
          : spec.userPrincipalName,
        userType: guest ? 'Guest' : 'Member',
        accountEnabled: true,
        createdDateTime: at(),
        jobTitle: null,
        department: null,
        externalUserState: guest ? 'PendingAcceptance' : null,
        signIn: null,
        mfa: {
          isMfaRegistered: spec.mfa ?? false,
          isMfaCapable: spec.mfa ?? false,
          methodsRegistered: spec.mfa ? ['microsoftAuthenticatorPush'] : [],
        },
        deleted: false,
      };
      tenant.users.push(user);
      logDirectory('user', user.index);
      return user;
    },
    deleteUser(key) {
      const user = userOf(key);
      user.deleted = true;
      for (const role of tenant.roles) role.members = role.members.filter((m) => m !== user.index);
      tenant.grants = tenant.grants.filter((g) => g.principalId !== user.id);
      logDirectory('user', user.index);
    },
    addServicePrincipal(draft) {
      const sp = addServicePrincipal(tenant, random, draft, at());
      logDirectory('servicePrincipal', sp.index);
      return sp;
    },
    updateServicePrincipal(id, patch) {
      const sp = Object.assign(spOf(id), patch);
      logDirectory('servicePrincipal', sp.index);
      return sp;
    },
    removeServicePrincipal(id) {
      const sp = spOf(id);
      sp.deleted = true;
      tenant.grants = tenant.grants.filter((g) => g.clientId !== sp.id);
      tenant.assignments = tenant.assignments.filter((a) => a.principalId !== sp.id);
      logDirectory('servicePrincipal', sp.index);
    },
    addGrant(spId, scope, user) {
      const sp = spOf(spId);
      const graph = spOf(GRAPH_APP_ID);
      const principal = user === undefined ? null : userOf(user);
      const grant: DelegatedGrant = {
        id: delegatedGrantId(sp.id, graph.id, principal?.id ?? null),
        clientId: sp.id,
        consentType: principal ? 'Principal' : 'AllPrincipals',
        principalId: principal?.id ?? null,
        resourceId: graph.id,
        scope,
      };
      tenant.grants = tenant.grants.filter((g) => g.id !== grant.id);
      tenant.grants.push(grant);
      return grant;
    },
    updateGrant(id, scope) {
      const grant = tenant.grants.find((g) => g.id === id);
      if (!grant) throw new Error(`microsoft simulator: no grant ${id}`);
      grant.scope = scope;
      return grant;
    },
    removeGrant(id) {
      tenant.grants = tenant.grants.filter((g) => g.id !== id);
    },
    addAppRoleAssignment(spId, value, resourceAppId = GRAPH_APP_ID) {
      const assignment = appRoleAssignment(spOf(spId), spOf(resourceAppId), value, at());
      tenant.assignments = tenant.assignments.filter((a) => a.id !== assignment.id);
      tenant.assignments.push(assignment);
      return assignment;
    },
    removeAppRoleAssignment(id) {
      tenant.assignments = tenant.assignments.filter((a) => a.id !== id);
    },
    setScannerRoles(roles) {
      setScannerRoles(tenant, { graph: roles.graph, sharepoint: roles.sharepoint ?? [] }, at());
    },
    addApplicationCredential(applicationId, spec) {
      const app = tenant.applications.find((a) => a.id === applicationId || a.appId === applicationId);
      if (!app) throw new Error(`microsoft simulator: no application ${applicationId}`);
      const start = now().getTime() - (spec.startedDaysAgo ?? 0) * DAY;
      const common = {
        keyId: guid(random),
        startDateTime: iso(start),
        endDateTime: iso(start + spec.lifetimeDays * DAY),
      };
      if (spec.kind === 'secret') {
        const secret: PasswordCredential = {
          ...common,
          displayName: spec.displayName ?? null,
          hint: random.token(3, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'),
        };
        app.passwordCredentials.push(secret);
        return secret;
      }
      const cert: KeyCredential = {
        ...common,
        displayName: spec.displayName ?? `CN=${app.displayName}`,
        type: 'AsymmetricX509Cert',
        usage: 'Verify',
        customKeyIdentifier: random.token(40).toUpperCase(),
      };
      app.keyCredentials.push(cert);
      return cert;
    },
    removeApplicationCredential(applicationId, keyId) {
      const app = tenant.applications.find((a) => a.id === applicationId || a.appId === applicationId);
      if (!app) throw new Error(`microsoft simulator: no application ${applicationId}`);
      app.passwordCredentials = app.passwordCredentials.filter((c) => c.keyId !== keyId);
      app.keyCredentials = app.keyCredentials.filter((c) => c.keyId !== keyId);
    },
    updateAuthorizationPolicy(patch) {
      const { defaultUserRolePermissions, ...rest } = patch;
      Object.assign(tenant.authorizationPolicy, rest);
      if (defaultUserRolePermissions)
        Object.assign(tenant.authorizationPolicy.defaultUserRolePermissions, defaultUserRolePermissions);
    },
    updateAdminConsentRequestPolicy(patch) {
      Object.assign(tenant.adminConsentRequestPolicy, patch);
    },
    updateSharePointSettings(patch) {
      Object.assign(tenant.sharepoint, patch);
    },
    setPremium(premium) {
      tenant.premium = premium;
    },
    shareItem(driveId, itemId, spec) {
      const item = itemOf(driveId, itemId);
      const user = 'user' in spec && spec.user !== undefined ? userOf(spec.user) : undefined;
      const email = 'email' in spec ? spec.email : undefined;
      let permission: DrivePermission;
      if ('link' in spec) {
        nextLink += 1;
        permission = {
          id: linkPermissionId(item.index, nextLink),
          roles: [spec.link.type === 'edit' ? 'write' : 'read'],
          link: { ...spec.link },
          ...(spec.expirationDateTime ? { expirationDateTime: spec.expirationDateTime } : {}),
          ...(user ? { user: user.index } : {}),
          ...(email ? { email } : {}),
        };
      } else if (user)
        permission = { id: userPermissionId(user.userPrincipalName), roles: [spec.role], user: user.index };
      else permission = { id: invitationPermissionId(email ?? ''), roles: [spec.role], email };
      save(
        { ...item, permissions: [...item.permissions.filter((p) => p.id !== permission.id), permission] },
        true,
      );
      return permission;
    },
    unshareItem(driveId, itemId, permissionId) {
      const item = itemOf(driveId, itemId);
      return save({ ...item, permissions: item.permissions.filter((p) => p.id !== permissionId) }, true);
    },
    updateItem(driveId, itemId, patch) {
      const item = itemOf(driveId, itemId);
      const content = patch.content ?? item.content;
      return save({ ...item, ...patch, size: Buffer.byteLength(content) });
    },
    addItem(driveId, spec) {
      const drive = driveOf(driveId);
      const parent = spec.parentId ? itemOf(driveId, spec.parentId) : undefined;
      const content = spec.content ?? '';
      const item = tenant.items.add({
        drive: drive.index,
        parent: parent?.index ?? -1,
        name: spec.name,
        folder: spec.mimeType === undefined,
        mimeType: spec.mimeType ?? null,
        size: Buffer.byteLength(content),
        createdDateTime: at(),
        lastModifiedDateTime: at(),
        permissions: [],
        content,
      });
      logItem(item);
      return item;
    },
    deleteItem(driveId, itemId) {
      const item = itemOf(driveId, itemId);
      tenant.items.delete(item.index);
      logItem(item, { deleted: true });
    },
    invalidateDriveDeltaTokens(driveId) {
      const drive = driveOf(driveId);
      const generations = tenant.syncState.driveGenerations;
      generations.set(drive.index, (generations.get(drive.index) ?? 0) + 1);
    },
    invalidateDirectoryDeltaTokens() {
      tenant.syncState.directoryGeneration += 1;
    },
  };
}
