/**
 * The generated Microsoft 365 tenant. Directory objects (users, service principals, grants,
 * app registrations) are plain objects — 10,000 users and 2,000 service principals are small —
 * while drive items live in an `ItemStore` over typed arrays, so a 1,000,000-item tenant costs
 * a few bytes per item until a page materialises it.
 */
import type { AppRoleSpec } from './catalog.ts';
import type { MicrosoftPlantedSet } from './plant.ts';

export interface SignInActivity {
  /** Last interactive sign-in, failures included. */
  lastSignInDateTime: string | null;
  lastNonInteractiveSignInDateTime: string | null;
  /** Last successful sign-in (interactive or not); null before 2023-12 or never. */
  lastSuccessfulSignInDateTime: string | null;
}

export interface MfaRegistration {
  isMfaRegistered: boolean;
  isMfaCapable: boolean;
  methodsRegistered: string[];
}

export interface MsUser {
  index: number;
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  createdDateTime: string;
  jobTitle: string | null;
  department: string | null;
  /** Guests: `Accepted` or `PendingAcceptance`; members: null. */
  externalUserState: string | null;
  /** Null when the user never signed in. */
  signIn: SignInActivity | null;
  mfa: MfaRegistration;
  /** Soft-deleted: gone from lists, reported `@removed` by delta. */
  deleted: boolean;
}

/** An activated directory role with its members (user indices). */
export interface DirectoryRole {
  id: string;
  roleTemplateId: string;
  displayName: string;
  privileged: boolean;
  members: number[];
}

export interface VerifiedPublisher {
  displayName: string | null;
  verifiedPublisherId: string | null;
  addedDateTime: string | null;
}

export interface ServicePrincipal {
  index: number;
  id: string;
  appId: string;
  displayName: string;
  publisherName: string | null;
  verifiedPublisher: VerifiedPublisher;
  /** Tenant that registered the app; null for some legacy first-party principals. */
  appOwnerOrganizationId: string | null;
  servicePrincipalType: 'Application' | 'ManagedIdentity' | 'Legacy';
  accountEnabled: boolean;
  signInAudience: 'AzureADMyOrg' | 'AzureADMultipleOrgs' | 'AzureADandPersonalMicrosoftAccount';
  tags: string[];
  homepage: string | null;
  createdDateTime: string;
  /** App roles this SP exposes as a resource (Graph, SharePoint, Exchange). */
  appRoles: AppRoleSpec[];
  /** Delegated permission values it exposes as a resource. */
  oauth2PermissionScopes: string[];
  deleted: boolean;
}

/** An oauth2PermissionGrant (delegated permissions). */
export interface DelegatedGrant {
  id: string;
  /** Client service principal object id. */
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  /** Resource service principal object id. */
  resourceId: string;
  scope: string;
}

/** An application permission held by a service principal. */
export interface AppRoleAssignment {
  id: string;
  appRoleId: string;
  /** The service principal holding the role. */
  principalId: string;
  resourceId: string;
  createdDateTime: string;
}

export interface PasswordCredential {
  keyId: string;
  displayName: string | null;
  /** First three characters of the secret. */
  hint: string;
  startDateTime: string;
  endDateTime: string;
}

export interface KeyCredential {
  keyId: string;
  displayName: string;
  type: 'AsymmetricX509Cert';
  usage: 'Verify';
  startDateTime: string;
  endDateTime: string;
  /** Thumbprint (hex SHA-1, upper case) by default. */
  customKeyIdentifier: string;
}

/** An app registration owned by the tenant (`/applications`). */
export interface Application {
  index: number;
  id: string;
  appId: string;
  displayName: string;
  signInAudience: 'AzureADMyOrg' | 'AzureADMultipleOrgs';
  createdDateTime: string;
  passwordCredentials: PasswordCredential[];
  keyCredentials: KeyCredential[];
}

export interface AuthorizationPolicy {
  allowInvitesFrom: 'none' | 'adminsAndGuestInviters' | 'adminsGuestInvitersAndAllMembers' | 'everyone';
  allowedToSignUpEmailBasedSubscriptions: boolean;
  allowedToUseSSPR: boolean;
  allowEmailVerifiedUsersToJoinOrganization: boolean;
  allowUserConsentForRiskyApps: boolean | null;
  blockMsolPowerShell: boolean;
  guestUserRoleId: string;
  defaultUserRolePermissions: {
    allowedToCreateApps: boolean;
    allowedToCreateSecurityGroups: boolean;
    allowedToCreateTenants: boolean;
    allowedToReadBitlockerKeysForOwnedDevice: boolean;
    allowedToReadOtherUsers: boolean;
    permissionGrantPoliciesAssigned: string[];
  };
}

export interface AdminConsentRequestPolicy {
  isEnabled: boolean;
  notifyReviewers: boolean;
  remindersEnabled: boolean;
  requestDurationInDays: number;
  version: number;
  reviewers: Array<{ query: string; queryType: 'MicrosoftGraph'; queryRoot: string | null }>;
}

export type SharingCapability =
  | 'disabled'
  | 'externalUserSharingOnly'
  | 'externalUserAndGuestSharing'
  | 'existingExternalUserSharingOnly';

/** SharePoint tenant settings: what Graph's `/admin/sharepoint/settings` and SPO.Tenant share. */
export interface SharePointSettings {
  sharingCapability: SharingCapability;
  sharingDomainRestrictionMode: 'none' | 'allowList' | 'blockList';
  sharingAllowedDomainList: string[];
  sharingBlockedDomainList: string[];
  isResharingByExternalUsersEnabled: boolean;
  isRequireAcceptingUserToMatchInvitedUserEnabled: boolean;
  isLegacyAuthProtocolsEnabled: boolean;
  isUnmanagedSyncAppForTenantRestricted: boolean;
  deletedUserPersonalSiteRetentionPeriodInDays: number;
  /** SPO-only (Graph does not expose them): SharingLinkType 0 None, 1 Direct, 2 Internal, 3 AnonymousAccess. */
  defaultSharingLinkType: 0 | 1 | 2 | 3;
  /** SharingPermissionType 0 None, 1 View, 2 Edit. */
  defaultLinkPermission: 0 | 1 | 2;
  /** Days until Anyone links expire; -1 (or 0) means they never do. */
  requireAnonymousLinksExpireInDays: number;
}

export interface Site {
  index: number;
  /** `{hostname},{siteCollectionId},{webId}`. */
  id: string;
  name: string;
  displayName: string;
  webUrl: string;
  createdDateTime: string;
  /** A OneDrive (personal site) of `owner`. */
  personal: boolean;
  /** Set when content in the site's drives changes (createdDateTime until then). */
  lastModifiedDateTime?: string;
  /** User index owning a personal site; -1 for team sites. */
  owner: number;
  drive: number;
}

export interface Drive {
  index: number;
  id: string;
  name: string;
  driveType: 'business' | 'documentLibrary';
  site: number;
  owner: number;
  createdDateTime: string;
}

export type DrivePermissionRole = 'read' | 'write' | 'owner';

/** One permission on a drive item, in the simulator's terms (serialised per Graph in drive-view.ts). */
export interface DrivePermission {
  id: string;
  roles: DrivePermissionRole[];
  /** A sharing link; `users` links name their recipients in `user`/`email`. */
  link?: { scope: 'anonymous' | 'organization' | 'users'; type: 'view' | 'edit' };
  /** ISO time; absent = no expiry (served as 0001-01-01T00:00:00Z on links). */
  expirationDateTime?: string;
  /** A tenant user (member or guest) the permission names. */
  user?: number;
  /** An address without an account in the tenant (an invitation, or a `users` link recipient). */
  email?: string;
  /** A SharePoint site group (inherited Owners/Members on team sites). */
  siteGroup?: { id: string; displayName: string; kind: 'owners' | 'members' | 'visitors' };
  /** Inherited: from the drive root (owners, site groups) or, with `inheritedFrom`, a parent folder. */
  inherited?: boolean;
  /** Slot of the folder this permission is inherited from (absent: the drive root). */
  inheritedFrom?: number;
}

export interface DriveItem {
  index: number;
  id: string;
  drive: number;
  /** Parent item slot, or -1 for the drive root. */
  parent: number;
  name: string;
  folder: boolean;
  /** null for folders. */
  mimeType: string | null;
  size: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Direct (non-inherited) permissions; inherited ones come from the drive when served. */
  permissions: DrivePermission[];
  /** Text content (the text inside docx/xlsx files, which are built when downloaded). */
  content: string;
}

export interface ItemStore {
  /** Item slots, deleted ones included (indices are stable). */
  readonly size: number;
  /** The item, or undefined when the slot was deleted. */
  get(index: number): DriveItem | undefined;
  /** Replaces an item (a mutation); the override wins over the compact arrays. */
  put(item: DriveItem): void;
  delete(index: number): void;
  /** Appends an item and returns it. */
  add(item: Omit<DriveItem, 'index' | 'id'>): DriveItem;
  /** Generated slots of a drive (added items are listed by `addedIndices`). */
  driveRange(drive: number): { start: number; end: number };
  /** Items added after generation, ascending. */
  addedIndices(): readonly number[];
  /** The drive an item slot belongs to (deleted slots included). */
  driveOf(index: number): number;
  /**
   * True when the slot and its parent folder are as generated with no direct permission: the
   * item has only the drive's inherited permissions (a cheap skip for full walks).
   */
  isUnshared(index: number): boolean;
  /** Items whose parent is `folder` (a slot, or -1 for the root) in a drive, additions included. */
  childrenOf(drive: number, folder: number): number[];
}

/** One entry of a drive's change log, read by `root/delta`. */
export interface DriveChange {
  seq: number;
  drive: number;
  item: number;
  deleted: boolean;
  /** The item's permissions changed (`@microsoft.graph.sharedChanged`). */
  sharing: boolean;
  time: string;
}

/** One entry of the directory change log, read by `users/delta` and `servicePrincipals/delta`. */
export interface DirectoryChange {
  seq: number;
  kind: 'user' | 'servicePrincipal';
  index: number;
  time: string;
}

export interface SyncState {
  /** Generation of users/servicePrincipals delta tokens; older ones answer 400 syncStateNotFound. */
  directoryGeneration: number;
  /** Directory delta links live this long (Graph: 7 days). */
  directoryTokenLifetimeMs: number;
  /** Generation per drive index; older drive delta tokens answer 410 resync. */
  driveGenerations: Map<number, number>;
  /** Drive delta tokens older than this answer 410 resync. Default 30 days. */
  driveTokenLifetimeMs: number;
}

export interface MicrosoftTenant {
  tenantId: string;
  displayName: string;
  /** Primary verified domain (default). */
  domain: string;
  /** `<prefix>.onmicrosoft.com`. */
  initialDomain: string;
  /** SharePoint host prefix: `<prefix>.sharepoint.com`, `<prefix>-my…`, `<prefix>-admin…`. */
  sharepointPrefix: string;
  /** Entra ID P1/P2: signInActivity and registration reports answer. */
  premium: boolean;
  createdDateTime: string;
  users: MsUser[];
  roles: DirectoryRole[];
  servicePrincipals: ServicePrincipal[];
  applications: Application[];
  grants: DelegatedGrant[];
  assignments: AppRoleAssignment[];
  authorizationPolicy: AuthorizationPolicy;
  adminConsentRequestPolicy: AdminConsentRequestPolicy;
  sharepoint: SharePointSettings;
  sites: Site[];
  drives: Drive[];
  items: ItemStore;
  driveLog: DriveChange[];
  directoryLog: DirectoryChange[];
  /** Delta-token generations: bumping one invalidates the tokens issued before (see mutate.ts). */
  syncState: SyncState;
  /** What the generator planted, and the look-alikes that must stay clean. */
  planted: MicrosoftPlantedSet;
}
