/**
 * Builds a deterministic Microsoft 365 tenant from a seed and a size. Each section draws from its
 * own forked PRNG, so growing one (more drive items) leaves the others unchanged. Drive items are
 * generated as compact typed arrays (see item-store.ts), which is what lets 10,000 users × 100
 * OneDrive items exist without a million objects.
 */
import { createRandom, type Random } from '../random.ts';
import { DEFAULT_GRAPH_ROLES, DEFAULT_SHAREPOINT_ROLES, ROLE_TEMPLATES } from './catalog.ts';
import { firstPartySps, generateApps, generateGrants } from './generate-apps.ts';
import { driveIdOf, guid } from './ids.ts';
import {
  type CompactItems,
  createItemStore,
  EXTERNAL_EMAILS,
  foldersIn,
  iso,
  Sharing,
} from './item-store.ts';
import { reservedSlot } from './personas.ts';
import { emptyPlantedSet, plantViolations } from './plant.ts';
import { provisionScanner, scannerSpId } from './scanner-app.ts';
import type { DirectoryRole, Drive, MicrosoftTenant, MsUser, Site } from './types.ts';

export interface MicrosoftTenantSize {
  /** Default 50 (min 2: the global admin plus one user). About 5% are guests. */
  users?: number;
  /** Items in each member's OneDrive (folders included). Default 20. */
  itemsPerDrive?: number;
  /** Team sites, each with one document library. Default 3. */
  sites?: number;
  /** Items in each team site library. Default: itemsPerDrive. */
  itemsPerSite?: number;
  /** Service principals in all (first-party, third-party, in-house). Default users/5 within 40..2,000. */
  servicePrincipals?: number;
  /** App registrations the tenant owns (`/applications`). Default max(6, users/200). */
  applications?: number;
  /** Average delegated (Principal) grants per member. Default 1. */
  grantsPerUser?: number;
}

export interface GenerateMicrosoftTenantOptions {
  seed?: number;
  size?: MicrosoftTenantSize;
  /** Timestamps are generated relative to this. Default: now. */
  now?: Date;
  /** Primary verified domain. Default `acme.example` (SharePoint prefix `acme`). */
  domain?: string;
  /** Entra ID P1/P2 (signInActivity, registration reports). Default true. */
  premium?: boolean;
  /** Plant the deterministic violations and look-alikes (plant.ts). Default true. */
  plant?: boolean;
  /** The scanner's application permissions. Default: the scanner's set (catalog.ts). */
  scannerRoles?: { graph?: readonly string[]; sharepoint?: readonly string[] };
  /** The scanner app is consented (its service principal exists). Default true. */
  consented?: boolean;
}

const GIVEN = ['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lea'];
const FAMILY = ['Ruiz', 'Okafor', 'Li', 'Novak', 'Singh', 'Haddad', 'Berg', 'Tanaka', 'Moreau', 'Silva'];
const TITLES = ['Engineer', 'Analyst', 'Manager', 'Designer', 'Consultant', 'Accountant', null];
const DEPARTMENTS = ['Engineering', 'Sales', 'Finance', 'Marketing', 'Operations', null];
export const GUEST_DOMAINS = ['partner-agency.com', 'contractor-corp.com', 'othercompany.io', 'gmail.com'];
const MFA_METHODS = [
  ['microsoftAuthenticatorPush', 'mobilePhone'],
  ['microsoftAuthenticatorPush'],
  ['fido2', 'microsoftAuthenticatorPush'],
  ['softwareOneTimePasscode'],
];
const SITE_NAMES = ['Finance', 'Engineering', 'Marketing', 'Legal', 'HR', 'Sales Ops'];
const DAY = 86_400_000;

type ResolvedSize = Required<MicrosoftTenantSize>;

function resolveSize(size: MicrosoftTenantSize = {}): ResolvedSize {
  const users = Math.max(2, size.users ?? 50);
  const itemsPerDrive = Math.max(0, size.itemsPerDrive ?? 20);
  return {
    users,
    itemsPerDrive,
    sites: Math.max(0, size.sites ?? 3),
    itemsPerSite: Math.max(0, size.itemsPerSite ?? itemsPerDrive),
    servicePrincipals: Math.max(
      0,
      size.servicePrincipals ?? Math.min(2000, Math.max(40, Math.round(users / 5))),
    ),
    applications: Math.max(0, size.applications ?? Math.max(6, Math.round(users / 200))),
    grantsPerUser: Math.max(0, size.grantsPerUser ?? 1),
  };
}

function generateUsers(random: Random, count: number, domain: string, initialDomain: string, now: number) {
  const users: MsUser[] = [];
  for (let i = 0; i < count; i += 1) {
    const admin = i === 0;
    const givenName = admin ? 'Admin' : (GIVEN[i % GIVEN.length] as string);
    const surname = admin ? 'Owner' : (FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length] as string);
    const drawn = random.chance(0.05);
    const slot = reservedSlot(i);
    const guest = slot ? slot === 'guest' : !admin && drawn;
    const local = admin ? 'admin' : `${givenName}.${surname}${i}`.toLowerCase();
    const guestDomain = random.pick(GUEST_DOMAINS);
    const mail = guest ? `${local}@${guestDomain}` : `${local}@${domain}`;
    const neverSignedIn = !admin && random.chance(0.05);
    const lastSuccess = now - random.int(0, 120) * DAY - random.int(0, 86_399) * 1000;
    const created = Math.min(now - random.int(30, 2000) * DAY, lastSuccess - DAY);
    const registered = admin || random.chance(guest ? 0.5 : 0.85);
    users.push({
      index: i,
      id: guid(random),
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      userPrincipalName: guest ? `${local}_${guestDomain}#EXT#@${initialDomain}` : mail,
      mail,
      userType: guest ? 'Guest' : 'Member',
      accountEnabled: admin || random.chance(0.97),
      createdDateTime: iso(created),
      jobTitle: admin ? 'IT Administrator' : random.pick(TITLES),
      department: admin ? 'IT' : random.pick(DEPARTMENTS),
      externalUserState: guest ? 'Accepted' : null,
      signIn: neverSignedIn
        ? null
        : {
            lastSignInDateTime: iso(lastSuccess - random.int(0, 3) * DAY),
            lastNonInteractiveSignInDateTime: iso(lastSuccess),
            lastSuccessfulSignInDateTime: iso(lastSuccess),
          },
      mfa: {
        isMfaRegistered: registered,
        isMfaCapable: registered,
        methodsRegistered: registered ? [...random.pick(MFA_METHODS)] : random.chance(0.3) ? ['email'] : [],
      },
      deleted: false,
    });
  }
  return users;
}

/** Activated roles: the global admin, plus about 1% of members with one role each (≤ 20 per role). */
function generateRoles(random: Random, users: MsUser[]): DirectoryRole[] {
  const roles: DirectoryRole[] = ROLE_TEMPLATES.map((t) => ({
    id: guid(random),
    roleTemplateId: t.roleTemplateId,
    displayName: t.displayName,
    privileged: t.privileged,
    members: [],
  }));
  (roles[0] as DirectoryRole).members.push(0);
  for (const user of users) {
    if (user.index === 0 || user.userType === 'Guest' || !random.chance(0.01)) continue;
    const role = roles[random.int(1, roles.length - 1)] as DirectoryRole;
    if (role.members.length < 20) role.members.push(user.index);
  }
  return roles;
}

function generateSites(random: Random, size: ResolvedSize, users: MsUser[], prefix: string, now: number) {
  const members = users.filter((u) => u.userType === 'Member');
  const sites: Site[] = [];
  const drives: Drive[] = [];
  const team = Array.from({ length: size.sites }, (_, s) => {
    const base = SITE_NAMES[s % SITE_NAMES.length] as string;
    return s >= SITE_NAMES.length ? `${base} ${Math.floor(s / SITE_NAMES.length) + 1}` : base;
  });
  // Drives: OneDrives first (the compact layout's order), then team libraries. Sites: team first.
  const oneDriveSites: Site[] = members.map((user, d) => {
    const collection = guid(random);
    const created = iso(Date.parse(user.createdDateTime) + DAY);
    const siteIndex = size.sites + d;
    drives.push({
      index: d,
      id: driveIdOf(collection, guid(random)),
      name: 'OneDrive',
      driveType: 'business',
      site: siteIndex,
      owner: user.index,
      createdDateTime: created,
    });
    const path = user.userPrincipalName.replace(/[@.]/g, '_');
    return {
      index: siteIndex,
      id: `${prefix}-my.sharepoint.com,${collection},${guid(random)}`,
      name: path,
      displayName: user.displayName,
      webUrl: `https://${prefix}-my.sharepoint.com/personal/${path}`,
      createdDateTime: created,
      personal: true,
      owner: user.index,
      drive: d,
    };
  });
  team.forEach((name, s) => {
    const collection = guid(random);
    const created = iso(now - random.int(200, 1500) * DAY);
    const driveIndex = members.length + s;
    sites.push({
      index: s,
      id: `${prefix}.sharepoint.com,${collection},${guid(random)}`,
      name: name.replace(/\s/g, ''),
      displayName: name,
      webUrl: `https://${prefix}.sharepoint.com/sites/${name.replace(/\s/g, '')}`,
      createdDateTime: created,
      personal: false,
      owner: -1,
      drive: driveIndex,
    });
    drives.push({
      index: driveIndex,
      id: driveIdOf(collection, guid(random)),
      name: 'Documents',
      driveType: 'documentLibrary',
      site: s,
      owner: -1,
      createdDateTime: created,
    });
  });
  sites.push(...oneDriveSites);
  drives.sort((a, b) => a.index - b.index);
  return { sites, drives, members };
}

function generateCompactItems(
  random: Random,
  size: ResolvedSize,
  owners: MsUser[],
  guests: number[],
  userCount: number,
): CompactItems {
  const oneDriveItems = owners.length * size.itemsPerDrive;
  const total = oneDriveItems + size.sites * size.itemsPerSite;
  const compact: CompactItems = {
    oneDrives: owners.length,
    perOneDrive: size.itemsPerDrive,
    siteDrives: size.sites,
    perSiteDrive: size.itemsPerSite,
    kind: new Uint8Array(total),
    sharing: new Uint8Array(total),
    target: new Int32Array(total),
    age: new Uint32Array(total),
  };
  const oneDriveFolders = foldersIn(size.itemsPerDrive);
  const siteFolders = foldersIn(size.itemsPerSite);
  for (let i = 0; i < total; i += 1) {
    compact.kind[i] = 1 + Math.floor(random.next() * 5);
    compact.age[i] = Math.floor(random.next() * 400 * 86_400);
    const roll = random.next();
    if (i >= oneDriveItems) {
      if ((i - oneDriveItems) % Math.max(1, size.itemsPerSite) < siteFolders || roll < 0.9) continue;
      compact.sharing[i] = roll < 0.97 ? Sharing.organizationView : Sharing.anonymousView;
      continue;
    }
    const drive = Math.floor(i / size.itemsPerDrive);
    if (i - drive * size.itemsPerDrive < oneDriveFolders || roll < 0.7) continue;
    const owner = (owners[drive] as MsUser).index;
    const sub = random.next();
    if (roll < 0.8) {
      compact.sharing[i] = sub < 0.5 ? Sharing.internalLink : Sharing.internalGrant;
      compact.target[i] = (owner + 1 + Math.floor(random.next() * (userCount - 1))) % userCount;
    } else if (roll < 0.86)
      compact.sharing[i] = sub < 0.75 ? Sharing.organizationView : Sharing.organizationEdit;
    else if (roll < 0.9) compact.sharing[i] = sub < 0.75 ? Sharing.anonymousView : Sharing.anonymousEdit;
    else if (roll < 0.94) {
      compact.sharing[i] = Sharing.externalInvite;
      compact.target[i] = Math.floor(sub * EXTERNAL_EMAILS.length);
    } else if (roll < 0.97 && guests.length > 0) {
      compact.sharing[i] = Sharing.guestGrant;
      compact.target[i] = guests[Math.floor(sub * guests.length)] as number;
    } else {
      compact.sharing[i] = Sharing.externalLink;
      compact.target[i] = Math.floor(sub * EXTERNAL_EMAILS.length);
    }
  }
  return compact;
}

export function generateMicrosoftTenant(options: GenerateMicrosoftTenantOptions = {}): MicrosoftTenant {
  const random = createRandom(options.seed ?? 1);
  const size = resolveSize(options.size);
  const now = options.now ?? new Date();
  const t = now.getTime();
  const domain = (options.domain ?? 'acme.example').toLowerCase();
  const prefix = domain.split('.')[0]?.replace(/[^a-z0-9]/g, '') || 'tenant';
  const initialDomain = `${prefix}.onmicrosoft.com`;
  const users = generateUsers(random.fork('users'), size.users, domain, initialDomain, t);
  const { sites, drives, members } = generateSites(random.fork('sites'), size, users, prefix, t);
  const guests = users.filter((u) => u.userType === 'Guest').map((u) => u.index);
  const compact = generateCompactItems(random.fork('items'), size, members, guests, users.length);
  const tenant: MicrosoftTenant = {
    tenantId: guid(random.fork('tenant')),
    displayName: `${prefix.charAt(0).toUpperCase()}${prefix.slice(1)}`,
    domain,
    initialDomain,
    sharepointPrefix: prefix,
    premium: options.premium ?? true,
    createdDateTime: iso(t - 2200 * DAY),
    users,
    roles: generateRoles(random.fork('roles'), users),
    servicePrincipals: [],
    applications: [],
    grants: [],
    assignments: [],
    authorizationPolicy: defaultAuthorizationPolicy(),
    adminConsentRequestPolicy: {
      isEnabled: true,
      notifyReviewers: true,
      remindersEnabled: true,
      requestDurationInDays: 30,
      version: 1,
      reviewers: [{ query: `/users/${users[0]?.id ?? ''}`, queryType: 'MicrosoftGraph', queryRoot: null }],
    },
    sharepoint: {
      sharingCapability: 'existingExternalUserSharingOnly',
      sharingDomainRestrictionMode: 'none',
      sharingAllowedDomainList: [],
      sharingBlockedDomainList: [],
      isResharingByExternalUsersEnabled: false,
      isRequireAcceptingUserToMatchInvitedUserEnabled: true,
      isLegacyAuthProtocolsEnabled: false,
      isUnmanagedSyncAppForTenantRestricted: false,
      deletedUserPersonalSiteRetentionPeriodInDays: 30,
      defaultSharingLinkType: 1,
      defaultLinkPermission: 1,
      requireAnonymousLinksExpireInDays: -1,
    },
    sites,
    drives,
    items: createItemStore({ compact, drives, users, now }),
    driveLog: [],
    directoryLog: [],
    syncState: {
      directoryGeneration: 0,
      directoryTokenLifetimeMs: 7 * DAY,
      driveGenerations: new Map(),
      driveTokenLifetimeMs: 30 * DAY,
    },
    planted: emptyPlantedSet(),
  };

  const appsRandom = random.fork('apps');
  tenant.servicePrincipals.push(...firstPartySps(appsRandom, tenant.createdDateTime));
  const thirdParty = generateApps(tenant, appsRandom, size, t);
  generateGrants(tenant, random.fork('grants'), thirdParty, size.grantsPerUser);

  // Planting and the scanner draw from their own forks: the background above is unchanged by them.
  if (options.plant ?? true) tenant.planted = plantViolations(tenant, random.fork('plant'), now);
  if (options.consented ?? true) {
    provisionScanner(
      tenant,
      scannerSpId(tenant.tenantId),
      {
        graph: options.scannerRoles?.graph ?? DEFAULT_GRAPH_ROLES,
        sharepoint: options.scannerRoles?.sharepoint ?? DEFAULT_SHAREPOINT_ROLES,
      },
      iso(t - 30 * DAY),
    );
  }
  return tenant;
}

/** Secure defaults: user consent off, no app registration by users (planting loosens them). */
function defaultAuthorizationPolicy(): MicrosoftTenant['authorizationPolicy'] {
  return {
    allowInvitesFrom: 'adminsAndGuestInviters',
    allowedToSignUpEmailBasedSubscriptions: false,
    allowedToUseSSPR: true,
    allowEmailVerifiedUsersToJoinOrganization: false,
    allowUserConsentForRiskyApps: false,
    blockMsolPowerShell: true,
    guestUserRoleId: '2af84b1e-32c8-42b7-82bc-daa82404023b',
    defaultUserRolePermissions: {
      allowedToCreateApps: false,
      allowedToCreateSecurityGroups: false,
      allowedToCreateTenants: false,
      allowedToReadBitlockerKeysForOwnedDevice: true,
      allowedToReadOtherUsers: true,
      permissionGrantPoliciesAssigned: [
        'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team',
      ],
    },
  };
}
