/**
 * The planted users. Member personas take user slots 1..N and guest personas the slots after
 * them; the background generator keeps those slots members and guests respectively whether or
 * not planting runs, so a persona never gains a OneDrive it should not have (or loses one).
 */
import type { MicrosoftOracleRuleId } from './asset-keys.ts';

export interface Persona {
  key: string;
  given: string;
  family: string;
  local: string;
  /** Directory role display names. */
  roles?: string[];
  /** Default true. */
  enabled?: boolean;
  mfa: boolean;
  /** Days since the last successful sign-in; null = never signed in. */
  lastSuccess: number | null;
  /** Days since the last interactive attempt (failures included). Default: lastSuccess. */
  lastAttempt?: number | null;
  /** Only `lastSignInDateTime` is set, as for sign-ins before December 2023. */
  legacySignIn?: boolean;
  /** Days since the account was created. Default 700. */
  created?: number;
  violations?: MicrosoftOracleRuleId[];
  clean?: MicrosoftOracleRuleId[];
}

const ADMIN_MFA = 'microsoft-365/admin-without-mfa';
const USER_MFA = 'microsoft-365/user-without-mfa';
const INACTIVE_ADMIN = 'microsoft-365/inactive-admin';
const INACTIVE_USER = 'microsoft-365/inactive-user';
const GUEST_ROLE = 'microsoft-365/guest-with-privileged-role';

/** Members, in slots 1..MEMBER_PERSONAS.length. */
export const MEMBER_PERSONAS: readonly Persona[] = [
  {
    key: 'adminNoMfa',
    given: 'Ines',
    family: 'Admin',
    local: 'ines.admin-nomfa',
    roles: ['Exchange Administrator'],
    mfa: false,
    lastSuccess: 2,
    violations: [ADMIN_MFA],
    clean: [USER_MFA, INACTIVE_ADMIN, GUEST_ROLE],
  },
  {
    key: 'adminMfa',
    given: 'Omar',
    family: 'Admin',
    local: 'omar.admin-mfa',
    roles: ['Security Administrator'],
    mfa: true,
    lastSuccess: 1,
    clean: [ADMIN_MFA, INACTIVE_ADMIN, GUEST_ROLE],
  },
  {
    key: 'disabledAdmin',
    given: 'Sam',
    family: 'Disabled',
    local: 'sam.admin-disabled',
    roles: ['Global Administrator'],
    enabled: false,
    mfa: false,
    lastSuccess: 200,
    clean: [ADMIN_MFA, INACTIVE_ADMIN],
  },
  {
    key: 'userNoMfa',
    given: 'Uma',
    family: 'User',
    local: 'uma.user-nomfa',
    mfa: false,
    lastSuccess: 3,
    violations: [USER_MFA],
    clean: [ADMIN_MFA, INACTIVE_USER],
  },
  {
    key: 'userMfa',
    given: 'Ken',
    family: 'User',
    local: 'ken.user-mfa',
    mfa: true,
    lastSuccess: 1,
    clean: [USER_MFA, INACTIVE_USER],
  },
  {
    key: 'inactiveAdmin',
    given: 'Ida',
    family: 'Admin',
    local: 'ida.inactive-admin',
    roles: ['Helpdesk Administrator'],
    mfa: true,
    lastSuccess: 200,
    violations: [INACTIVE_ADMIN],
    clean: [INACTIVE_USER, ADMIN_MFA],
  },
  {
    key: 'inactiveUser',
    given: 'Ian',
    family: 'User',
    local: 'ian.inactive',
    mfa: true,
    lastSuccess: 150,
    violations: [INACTIVE_USER],
    clean: [INACTIVE_ADMIN],
  },
  {
    key: 'neverSignedIn',
    given: 'Nia',
    family: 'User',
    local: 'nia.never-signed-in',
    mfa: true,
    lastSuccess: null,
    created: 400,
    violations: [INACTIVE_USER],
  },
  {
    key: 'newHire',
    given: 'Neo',
    family: 'User',
    local: 'neo.new-hire',
    mfa: true,
    lastSuccess: null,
    created: 5,
    clean: [INACTIVE_USER],
  },
  {
    // Recent interactive attempts that all failed: the last success is what counts.
    key: 'failedSignIns',
    given: 'Flo',
    family: 'Failed',
    local: 'flo.failed-signins',
    mfa: true,
    lastSuccess: 120,
    lastAttempt: 1,
    violations: [INACTIVE_USER],
  },
  {
    // Signs in only non-interactively (a synced client): old interactive time, recent success.
    key: 'nonInteractive',
    given: 'Nat',
    family: 'Sync',
    local: 'nat.noninteractive',
    mfa: true,
    lastSuccess: 2,
    lastAttempt: 200,
    clean: [INACTIVE_USER],
  },
  {
    // No lastSuccessfulSignInDateTime (not backfilled): lastSignInDateTime is the fallback.
    key: 'legacySignIn',
    given: 'Leo',
    family: 'Legacy',
    local: 'leo.legacy-signin',
    mfa: true,
    lastSuccess: null,
    lastAttempt: 10,
    legacySignIn: true,
    clean: [INACTIVE_USER],
  },
  {
    key: 'disabledUser',
    given: 'Sue',
    family: 'Disabled',
    local: 'sue.disabled',
    enabled: false,
    mfa: false,
    lastSuccess: 300,
    clean: [USER_MFA, INACTIVE_USER],
  },
  { key: 'fileSharer', given: 'Fay', family: 'Sharer', local: 'fay.file-sharer', mfa: true, lastSuccess: 1 },
  { key: 'dlpOwner', given: 'Dee', family: 'Owner', local: 'dee.dlp-owner', mfa: true, lastSuccess: 1 },
];

/** Guests, in the slots right after the members. Their home domain is PARTNER_DOMAIN. */
export const GUEST_PERSONAS: readonly Persona[] = [
  {
    key: 'guestNoMfa',
    given: 'Gina',
    family: 'Guest',
    local: 'gina.guest',
    mfa: false,
    lastSuccess: 4,
    violations: [USER_MFA],
    clean: [GUEST_ROLE, ADMIN_MFA],
  },
  {
    key: 'guestPrivileged',
    given: 'Gabe',
    family: 'Guest',
    local: 'gabe.guest-admin',
    roles: ['User Administrator'],
    mfa: true,
    lastSuccess: 2,
    violations: [GUEST_ROLE],
    clean: [ADMIN_MFA],
  },
  {
    key: 'guestReader',
    given: 'Greta',
    family: 'Guest',
    local: 'greta.guest-reader',
    roles: ['Reports Reader'],
    mfa: true,
    lastSuccess: 2,
    clean: [GUEST_ROLE, ADMIN_MFA],
  },
];

export const PARTNER_DOMAIN = 'partner-agency.com';

/** First slot after the personas: background users from here on are drawn at random. */
export const PERSONA_END = 1 + MEMBER_PERSONAS.length + GUEST_PERSONAS.length;

/** The slot kind the background must keep so planting can use it. */
export function reservedSlot(index: number): 'member' | 'guest' | undefined {
  if (index >= 1 && index <= MEMBER_PERSONAS.length) return 'member';
  if (index > MEMBER_PERSONAS.length && index < PERSONA_END) return 'guest';
  return undefined;
}
