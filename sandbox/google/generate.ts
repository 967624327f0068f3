/**
 * Builds a deterministic Google Workspace tenant from a seed and a size. Each section draws
 * from its own forked PRNG, so growing one (more files) leaves the others unchanged. Files are
 * generated as compact typed arrays (see file-store.ts), which is what lets the same code
 * produce 10,000 users × 100 files without building a million objects.
 */
import { createRandom, type Random } from '../random.ts';
import { OAUTH_APPS } from './apps.ts';
import { createEventLog } from './events.ts';
import { type CompactFiles, createFileStore, EXTERNAL_EMAILS, iso, KINDS, Sharing } from './file-store.ts';
import { generateHistory } from './history.ts';
import { generateLicenses } from './licenses.ts';
import { emptyPlantedSet, PERSONA_END, plantViolations } from './plant.ts';
import { generateGooglePolicies } from './policies.ts';
import type { GoogleOAuthGrant, GoogleTenant, GoogleUser, SharedDrive } from './types.ts';

export { OAUTH_APPS } from './apps.ts';

export interface GoogleTenantSize {
  /** Default 50 (min 2: the super admin plus one user). */
  users?: number;
  /** Files in each user's My Drive. Default 20. */
  filesPerUser?: number;
  /** Default 3. */
  sharedDrives?: number;
  /** Files in each shared drive. Default: filesPerUser. */
  filesPerDrive?: number;
  /** Average third-party OAuth grants per user. Default 2. */
  tokensPerUser?: number;
  /** Share (0–1) of ordinary users holding a Gemini / Google AI licence. Default 0.25. */
  geminiLicenseShare?: number;
}

export interface GenerateGoogleTenantOptions {
  seed?: number;
  size?: GoogleTenantSize;
  now?: Date;
  /** Default `acme.example`. */
  domain?: string;
  /**
   * Plant the deterministic violations and look-alikes (plant.ts) over the random background.
   * Default true.
   */
  plant?: boolean;
}

const GIVEN = ['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lea'];
const FAMILY = ['Ruiz', 'Okafor', 'Li', 'Novak', 'Singh', 'Haddad', 'Berg', 'Tanaka', 'Moreau', 'Silva'];
const ORG_UNITS = ['/', '/Engineering', '/Sales', '/Finance', '/Contractors'];
const DAY = 86_400_000;
export const NEVER_LOGGED_IN = '1970-01-01T00:00:00.000Z';

function resolveSize(size: GoogleTenantSize = {}): Required<GoogleTenantSize> {
  const filesPerUser = Math.max(0, size.filesPerUser ?? 20);
  return {
    users: Math.max(2, size.users ?? 50),
    filesPerUser,
    sharedDrives: Math.max(0, size.sharedDrives ?? 3),
    filesPerDrive: Math.max(0, size.filesPerDrive ?? filesPerUser),
    tokensPerUser: Math.max(0, size.tokensPerUser ?? 2),
    geminiLicenseShare: Math.min(1, Math.max(0, size.geminiLicenseShare ?? 0.25)),
  };
}

function generateUsers(random: Random, count: number, domain: string, now: number): GoogleUser[] {
  const users: GoogleUser[] = [];
  for (let i = 0; i < count; i += 1) {
    const givenName = i === 0 ? 'Admin' : (GIVEN[i % GIVEN.length] as string);
    const familyName = i === 0 ? 'Owner' : (FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length] as string);
    const local = i === 0 ? 'admin' : `${givenName}.${familyName}${i}`.toLowerCase();
    const created = now - random.int(30, 2000) * DAY;
    const neverLoggedIn = i !== 0 && random.chance(0.05);
    users.push({
      index: i,
      id: String(104_729_385_610_473_829_156n + BigInt(i * 7 + 1)),
      primaryEmail: `${local}@${domain}`,
      givenName,
      familyName,
      isAdmin: i === 0,
      isDelegatedAdmin: i !== 0 && random.chance(0.05),
      isEnrolledIn2Sv: i === 0 || random.chance(0.8),
      isEnforcedIn2Sv: random.chance(0.5),
      // The admin must stay active: every test impersonates it.
      suspended: i !== 0 && random.chance(0.03),
      archived: i !== 0 && random.chance(0.01),
      lastLoginTime: neverLoggedIn ? NEVER_LOGGED_IN : iso(now - random.int(0, 120) * DAY),
      creationTime: iso(created),
      orgUnitPath: i === 0 ? '/' : random.pick(ORG_UNITS),
    });
  }
  return users;
}

function generateGrants(
  random: Random,
  users: GoogleUser[],
  perUser: number,
): Map<number, GoogleOAuthGrant[]> {
  const grants = new Map<number, GoogleOAuthGrant[]>();
  for (const user of users) {
    const count = Math.min(OAUTH_APPS.length, random.int(0, perUser * 2));
    const picks = random.sampleIndices(OAUTH_APPS.length, count);
    grants.set(
      user.index,
      picks.map((p) => ({
        ...(OAUTH_APPS[p] as GoogleOAuthGrant),
        scopes: [...(OAUTH_APPS[p]?.scopes ?? [])],
      })),
    );
  }
  return grants;
}

function generateDrives(random: Random, count: number, users: number, now: number): SharedDrive[] {
  const names = ['Finance', 'Engineering', 'Marketing', 'Legal', 'HR', 'Sales Ops'];
  return Array.from({ length: count }, (_, i) => {
    const memberIndices = random.sampleIndices(users, Math.min(users, 3));
    return {
      index: i,
      id: `0AD${i.toString(36).padStart(6, '0')}Uk9PVA`,
      name: `${names[i % names.length]}${i >= names.length ? ` ${i}` : ''}`,
      createdTime: iso(now - random.int(100, 1500) * DAY),
      hidden: false,
      orgUnitId: '03ph8a2z1',
      restrictions: {
        adminManagedRestrictions: random.chance(0.5),
        copyRequiresWriterPermission: random.chance(0.3),
        domainUsersOnly: random.chance(0.5),
        driveMembersOnly: random.chance(0.4),
        sharingFoldersRequiresOrganizerPermission: random.chance(0.3),
      },
      members: memberIndices.map((user, k) => ({ user, role: k === 0 ? 'organizer' : 'writer' })),
    };
  });
}

function generateCompactFiles(random: Random, size: Required<GoogleTenantSize>): CompactFiles {
  const total = size.users * size.filesPerUser + size.sharedDrives * size.filesPerDrive;
  const compact: CompactFiles = {
    usersCount: size.users,
    filesPerUser: size.filesPerUser,
    drivesCount: size.sharedDrives,
    filesPerDrive: size.filesPerDrive,
    kind: new Uint8Array(total),
    sharing: new Uint8Array(total),
    target: new Int32Array(total),
    age: new Uint32Array(total),
  };
  const userFiles = size.users * size.filesPerUser;
  for (let i = 0; i < total; i += 1) {
    compact.kind[i] = Math.floor(random.next() * KINDS.length);
    compact.age[i] = Math.floor(random.next() * 400 * 86_400);
    const roll = random.next();
    const owner = i < userFiles ? Math.floor(i / size.filesPerUser) : -1;
    // Shared-drive items never get user-level sharing here: their access comes from the drive.
    if (owner < 0 || roll < 0.7) continue;
    if (roll < 0.85) {
      const other = (owner + 1 + Math.floor(random.next() * (size.users - 1))) % size.users;
      compact.sharing[i] = Sharing.internalUser;
      compact.target[i] = other;
    } else if (roll < 0.92) compact.sharing[i] = Sharing.domain;
    else if (roll < 0.96) compact.sharing[i] = Sharing.anyoneWithLink;
    else if (roll < 0.99) {
      compact.sharing[i] = Sharing.externalUser;
      compact.target[i] = Math.floor(random.next() * EXTERNAL_EMAILS.length);
    } else compact.sharing[i] = Sharing.anyoneDiscoverable;
  }
  return compact;
}

export function generateGoogleTenant(options: GenerateGoogleTenantOptions = {}): GoogleTenant {
  const random = createRandom(options.seed ?? 1);
  const size = resolveSize(options.size);
  const now = options.now ?? new Date();
  const domain = options.domain ?? 'acme.example';
  const users = generateUsers(random.fork('users'), size.users, domain, now.getTime());
  const compact = generateCompactFiles(random.fork('files'), size);
  const customerId = `C0${random.fork('customer').token(7, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
  const tenant: GoogleTenant = {
    customerId,
    domain,
    users,
    grants: generateGrants(random.fork('grants'), users, size.tokensPerUser),
    drives: generateDrives(random.fork('drives'), size.sharedDrives, size.users, now.getTime()),
    files: createFileStore({ compact, users, domain, now }),
    changes: [],
    policies: generateGooglePolicies(random.fork('policies'), customerId),
    events: createEventLog([]),
    planted: emptyPlantedSet(),
    licenses: [],
  };
  // Planting and history draw from their own forks: the background above is unchanged by them.
  const plant = options.plant ?? true;
  tenant.licenses = generateLicenses(
    random.fork('licenses'),
    users,
    size.geminiLicenseShare,
    plant ? PERSONA_END : 1,
  );
  const planted = plant ? plantViolations(tenant, random.fork('plant'), now) : undefined;
  const history = generateHistory(tenant, random.fork('history'), now, plant ? PERSONA_END : 0);
  if (planted) {
    tenant.planted = planted.planted;
    history.push(...planted.activities);
  }
  tenant.events = createEventLog(history);
  return tenant;
}
