/**
 * Deterministic violations and their clean look-alikes, planted over the random background:
 * users 1..15 become named personas (an admin without 2SV next to one with it, a never-logged-in
 * user next to a new hire …), some personas get chosen OAuth grants, and two personas' first
 * My Drive slots (plus one shared-drive slot) are overwritten with chosen sharing and content.
 * Nothing is added, so every count the background generator produces (users, files) stays.
 * A persona or file that does not fit the tenant's size is skipped, along with what it plants.
 *
 * `violations` lists what was meant to fire; `clean` lists (rule, asset) pairs a look-alike must
 * not produce. The oracle (oracle.ts) derives the truth from the data; tests compare the two.
 */
import type { Random } from '../random.ts';
import { appNamed, PLANTED_APPS } from './apps.ts';
import { type GoogleOracleRuleId, type GooglePlanted, googleAssetKey } from './asset-keys.ts';
import { awsKeyContent, CLEAN_CONTROL_CONTENT, cardContent, privateKeyContent } from './dlp-content.ts';
import { aclChange, driveActivity, geminiActivity, type NewActivity } from './events.ts';
import { iso, MIME, userPermission } from './file-store.ts';
import { GEMINI_LICENSE_SKUS, type LicenseSku } from './licenses.ts';
import type { DriveFile, GoogleOAuthGrant, GooglePermission, GoogleTenant, GoogleUser } from './types.ts';

const DAY = 86_400_000;

export interface GooglePlantedSet {
  /** Findings the planted data is meant to produce (the oracle finds these and more: the background). */
  violations: GooglePlanted[];
  /** Findings the look-alikes must NOT produce. */
  clean: GooglePlanted[];
  /** Persona key → primary email (only personas the tenant was big enough for). */
  users: Record<string, string>;
  /** Planted file key → file id. */
  files: Record<string, string>;
}

export const emptyPlantedSet = (): GooglePlantedSet => ({ violations: [], clean: [], users: {}, files: {} });

interface Persona {
  key: string;
  local: string;
  given: string;
  family: string;
  role?: 'super' | 'delegated';
  twoSv: boolean;
  suspended?: boolean;
  archived?: boolean;
  /** Days since the last sign-in; null = never signed in. */
  lastLogin: number | null;
  /** Days since the account was created. Default 700. */
  created?: number;
  violations?: GoogleOracleRuleId[];
  clean?: GoogleOracleRuleId[];
}

/** Users 1..N, in this order (index = position + 1). */
export const GOOGLE_PERSONAS: readonly Persona[] = [
  {
    key: 'adminNo2sv',
    local: 'ines.admin-no2sv',
    given: 'Ines',
    family: 'Admin',
    role: 'delegated',
    twoSv: false,
    lastLogin: 2,
    violations: ['google-workspace/admin-without-2sv'],
    clean: ['google-workspace/user-without-2sv', 'google-workspace/inactive-admin'],
  },
  {
    key: 'admin2sv',
    local: 'omar.admin-2sv',
    given: 'Omar',
    family: 'Admin',
    role: 'delegated',
    twoSv: true,
    lastLogin: 1,
    clean: ['google-workspace/admin-without-2sv', 'google-workspace/inactive-admin'],
  },
  {
    key: 'suspendedSuperAdmin',
    local: 'sam.superadmin-suspended',
    given: 'Sam',
    family: 'Super',
    role: 'super',
    twoSv: false,
    suspended: true,
    lastLogin: 150,
    clean: ['google-workspace/admin-without-2sv', 'google-workspace/inactive-admin'],
  },
  {
    key: 'userNo2sv',
    local: 'uma.user-no2sv',
    given: 'Uma',
    family: 'User',
    twoSv: false,
    lastLogin: 3,
    violations: ['google-workspace/user-without-2sv'],
    clean: ['google-workspace/admin-without-2sv', 'google-workspace/inactive-user'],
  },
  {
    key: 'user2sv',
    local: 'ken.user-2sv',
    given: 'Ken',
    family: 'User',
    twoSv: true,
    lastLogin: 1,
    clean: ['google-workspace/user-without-2sv', 'google-workspace/inactive-user'],
  },
  {
    key: 'inactiveAdmin',
    local: 'ida.inactive-admin',
    given: 'Ida',
    family: 'Admin',
    role: 'delegated',
    twoSv: true,
    lastLogin: 200,
    violations: ['google-workspace/inactive-admin'],
    clean: ['google-workspace/inactive-user', 'google-workspace/admin-without-2sv'],
  },
  {
    key: 'neverLoggedIn',
    local: 'nia.never-logged-in',
    given: 'Nia',
    family: 'User',
    twoSv: true,
    lastLogin: null,
    created: 400,
    violations: ['google-workspace/inactive-user'],
  },
  {
    key: 'newHire',
    local: 'neo.new-hire',
    given: 'Neo',
    family: 'User',
    twoSv: true,
    lastLogin: null,
    created: 5,
    clean: ['google-workspace/inactive-user'],
  },
  {
    key: 'suspendedUser',
    local: 'sue.suspended',
    given: 'Sue',
    family: 'User',
    twoSv: false,
    suspended: true,
    lastLogin: 300,
    clean: ['google-workspace/user-without-2sv', 'google-workspace/inactive-user'],
  },
  {
    key: 'archivedUser',
    local: 'arc.archived',
    given: 'Arc',
    family: 'User',
    twoSv: false,
    archived: true,
    lastLogin: 400,
    clean: ['google-workspace/user-without-2sv', 'google-workspace/inactive-user'],
  },
  {
    key: 'gemini2sv',
    local: 'gia.gemini-2sv',
    given: 'Gia',
    family: 'Gemini',
    twoSv: true,
    lastLogin: 1,
  },
  {
    key: 'geminiNo2sv',
    local: 'gus.gemini-no2sv',
    given: 'Gus',
    family: 'Gemini',
    twoSv: false,
    lastLogin: 1,
    violations: ['google-workspace/user-without-2sv'],
  },
  {
    key: 'geminiSuspended',
    local: 'gil.gemini-suspended',
    given: 'Gil',
    family: 'Gemini',
    twoSv: false,
    suspended: true,
    lastLogin: 20,
    clean: ['google-workspace/user-without-2sv'],
  },
  { key: 'fileSharer', local: 'fay.file-sharer', given: 'Fay', family: 'Sharer', twoSv: true, lastLogin: 1 },
  { key: 'dlpOwner', local: 'dee.dlp-owner', given: 'Dee', family: 'Owner', twoSv: true, lastLogin: 1 },
];

/** The first user index the background (history) generator may treat as an ordinary user. */
export const PERSONA_END = GOOGLE_PERSONAS.length + 1;

/** A permission to plant: `expires` gives it an expirationTime 30 days out; ids are derived. */
type PermissionDraft = Omit<GooglePermission, 'id'> & { id?: string; expires?: boolean };

interface FileSpec {
  key: string;
  name: string;
  mimeType: string;
  content?: (random: Random) => string;
  trashed?: boolean;
  permissions: PermissionDraft[];
  violations: GoogleOracleRuleId[];
  clean: GoogleOracleRuleId[];
}

const anyone = (role: 'writer' | 'reader', discoverable = false) => ({
  type: 'anyone' as const,
  role,
  allowFileDiscovery: discoverable,
});
const external = (
  email: string,
  role: 'writer' | 'reader',
  expires: boolean,
  type: 'user' | 'group' = 'user',
) => ({ type, role, emailAddress: email, expires });

const FILE_RULES: GoogleOracleRuleId[] = [
  'common/file-public-edit',
  'common/file-public-view',
  'common/file-external-edit',
  'common/file-external-view',
  'common/file-domain-edit',
  'common/file-domain-view',
];
const DLP_RULES: GoogleOracleRuleId[] = [
  'common/dlp-file-public-edit',
  'common/dlp-file-public-view',
  'common/dlp-file-external-edit',
  'common/dlp-file-external-view',
  'common/dlp-file-org-wide',
];
const PERSONAL = 'google-workspace/file-shared-to-personal-account';
const NO_EXPIRY = 'google-workspace/file-external-share-without-expiry';

function sharerFiles(domain: string, colleague: GoogleUser | undefined): FileSpec[] {
  return [
    {
      key: 'publicEdit',
      name: 'Team offsite plan',
      mimeType: MIME.doc,
      permissions: [anyone('writer')],
      violations: ['common/file-public-edit'],
      clean: ['common/file-public-view'],
    },
    {
      key: 'publicView',
      name: 'Press kit',
      mimeType: MIME.slides,
      permissions: [anyone('reader', true)],
      violations: ['common/file-public-view'],
      clean: ['common/file-public-edit'],
    },
    {
      key: 'externalEditWithExpiry',
      name: 'Agency brief',
      mimeType: MIME.doc,
      permissions: [external('dana@partner-agency.com', 'writer', true)],
      violations: ['common/file-external-edit'],
      clean: ['common/file-external-view', NO_EXPIRY, PERSONAL],
    },
    {
      key: 'externalViewWithExpiry',
      name: 'Partner price list',
      mimeType: MIME.sheet,
      permissions: [external('lee@partner-agency.com', 'reader', true)],
      violations: ['common/file-external-view'],
      clean: ['common/file-external-edit', NO_EXPIRY, PERSONAL],
    },
    {
      key: 'domainEdit',
      name: 'All-hands notes',
      mimeType: MIME.doc,
      permissions: [{ type: 'domain', role: 'writer', domain, allowFileDiscovery: false }],
      violations: ['common/file-domain-edit'],
      clean: ['common/file-domain-view'],
    },
    {
      key: 'domainView',
      name: 'Holiday calendar',
      mimeType: MIME.sheet,
      permissions: [{ type: 'domain', role: 'reader', domain, allowFileDiscovery: true }],
      violations: ['common/file-domain-view'],
      clean: ['common/file-domain-edit'],
    },
    {
      key: 'personalNoExpiry',
      name: 'Resume draft',
      mimeType: MIME.doc,
      permissions: [external('fay.home.1987@gmail.com', 'reader', false)],
      violations: ['common/file-external-view', PERSONAL, NO_EXPIRY],
      clean: ['common/file-external-edit'],
    },
    {
      key: 'personalWithExpiry',
      name: 'Contractor timesheet',
      mimeType: MIME.sheet,
      permissions: [external('jo.contractor@yahoo.com', 'writer', true)],
      violations: ['common/file-external-edit', PERSONAL],
      clean: [NO_EXPIRY],
    },
    {
      key: 'externalGroupNoExpiry',
      name: 'Audit evidence index',
      mimeType: MIME.sheet,
      permissions: [external('auditors@audit-firm.com', 'reader', false, 'group')],
      violations: ['common/file-external-view', NO_EXPIRY],
      clean: [PERSONAL],
    },
    {
      key: 'internalShare',
      name: 'Quarterly goals',
      mimeType: MIME.doc,
      permissions: colleague ? [userPermission(colleague, 'writer')] : [],
      violations: [],
      clean: [...FILE_RULES, PERSONAL, NO_EXPIRY],
    },
    {
      key: 'trashedPublic',
      name: 'Old landing page copy',
      mimeType: MIME.doc,
      trashed: true,
      permissions: [anyone('writer')],
      violations: [],
      clean: ['common/file-public-edit', 'common/file-public-view'],
    },
    {
      key: 'private',
      name: 'Personal notes',
      mimeType: MIME.doc,
      permissions: [],
      violations: [],
      clean: FILE_RULES,
    },
  ];
}

function dlpFiles(domain: string): FileSpec[] {
  return [
    {
      key: 'dlpCardPublicEdit',
      name: 'Travel card details',
      mimeType: MIME.doc,
      content: (r) => cardContent(r, false),
      permissions: [anyone('writer')],
      violations: ['common/dlp-file-public-edit', 'common/file-public-edit'],
      clean: ['common/dlp-file-public-view'],
    },
    {
      key: 'dlpAwsPublicView',
      name: 'deploy-credentials.txt',
      mimeType: MIME.text,
      content: awsKeyContent,
      permissions: [anyone('reader', true)],
      violations: ['common/dlp-file-public-view', 'common/file-public-view'],
      clean: ['common/dlp-file-public-edit'],
    },
    {
      key: 'dlpKeyExternalEdit',
      name: 'server-key.txt',
      mimeType: MIME.text,
      content: privateKeyContent,
      permissions: [external('ops@partner-agency.com', 'writer', true)],
      violations: ['common/dlp-file-external-edit', 'common/file-external-edit'],
      clean: ['common/dlp-file-external-view', NO_EXPIRY],
    },
    {
      key: 'dlpCardExternalView',
      name: 'Card reconciliation',
      mimeType: MIME.sheet,
      content: (r) => cardContent(r, true),
      permissions: [external('billing@partner-agency.com', 'reader', true)],
      violations: ['common/dlp-file-external-view', 'common/file-external-view'],
      clean: ['common/dlp-file-external-edit'],
    },
    {
      key: 'dlpAwsOrgWide',
      name: 'CI secrets',
      mimeType: MIME.doc,
      content: awsKeyContent,
      permissions: [{ type: 'domain', role: 'reader', domain, allowFileDiscovery: false }],
      violations: ['common/dlp-file-org-wide', 'common/file-domain-view'],
      clean: [],
    },
    {
      key: 'dlpCleanControl',
      name: 'CLI onboarding guide',
      mimeType: MIME.doc,
      content: () => CLEAN_CONTROL_CONTENT,
      permissions: [anyone('reader')],
      violations: ['common/file-public-view'],
      clean: DLP_RULES,
    },
    {
      key: 'dlpPrivate',
      name: 'My card',
      mimeType: MIME.doc,
      content: (r) => cardContent(r, false),
      permissions: [],
      violations: [],
      clean: [...DLP_RULES, ...FILE_RULES],
    },
  ];
}

export interface PlantResult {
  planted: GooglePlantedSet;
  /** Audit history for the planted objects (sharing events, Gemini use). */
  activities: NewActivity[];
}

export function plantViolations(tenant: GoogleTenant, random: Random, now: Date): PlantResult {
  const t = now.getTime();
  const planted = emptyPlantedSet();
  const activities: NewActivity[] = [];
  const personas = new Map<string, GoogleUser>();

  GOOGLE_PERSONAS.forEach((persona, i) => {
    const user = tenant.users[i + 1];
    if (!user) return;
    Object.assign(user, {
      primaryEmail: `${persona.local}@${tenant.domain}`,
      givenName: persona.given,
      familyName: persona.family,
      isAdmin: persona.role === 'super',
      isDelegatedAdmin: persona.role === 'delegated',
      isEnrolledIn2Sv: persona.twoSv,
      suspended: persona.suspended ?? false,
      archived: persona.archived ?? false,
      lastLoginTime: iso(persona.lastLogin === null ? 0 : t - persona.lastLogin * DAY),
      creationTime: iso(t - (persona.created ?? 700) * DAY),
    } satisfies Partial<GoogleUser>);
    personas.set(persona.key, user);
    planted.users[persona.key] = user.primaryEmail;
    const key = googleAssetKey.identity(user.id);
    for (const ruleId of persona.violations ?? []) planted.violations.push({ ruleId, assetKey: key });
    for (const ruleId of persona.clean ?? []) planted.clean.push({ ruleId, assetKey: key });
  });

  // Only the original super admin is active: the tenant has too few super admins.
  planted.violations.push({
    ruleId: 'google-workspace/super-admin-count',
    assetKey: googleAssetKey.superAdmins(),
  });

  plantGrants(tenant, personas, planted);
  plantFiles(tenant, personas, planted, activities, random, t);

  // Gemini: a user with 2SV (clean), one without (violation), one suspended (clean).
  const gemini: Array<[string, number[], boolean]> = [
    ['gemini2sv', [1, 4, 9], false],
    ['geminiNo2sv', [2, 6], true],
    ['geminiSuspended', [25], false],
  ];
  const apps = ['docs', 'gmail', 'sheets'];
  const actions = ['generate_text', 'summarize', 'help_me_write'];
  for (const [key, days, violation] of gemini) {
    const user = personas.get(key);
    if (!user) continue;
    days.forEach((d, k) => {
      activities.push(
        geminiActivity(user.index, t - d * DAY - (k + 1) * 3_600_000, {
          app: apps[k % apps.length],
          action: actions[k % actions.length],
        }),
      );
    });
    planted[violation ? 'violations' : 'clean'].push({
      ruleId: 'google-workspace/gemini-user-without-2sv',
      assetKey: googleAssetKey.geminiUser(user.id),
    });
  }
  plantLicenses(tenant, personas, planted);
  return { planted, activities };
}

/**
 * Gemini / Google AI licences on personas: admins and users with and without 2SV, suspended and
 * archived accounts, and one user licensed through both Gemini products.
 */
function plantLicenses(tenant: GoogleTenant, personas: Map<string, GoogleUser>, planted: GooglePlantedSet) {
  const ADMIN = 'google-workspace/gemini-licensed-admin-without-2sv';
  const USER = 'google-workspace/gemini-licensed-user-without-2sv';
  const SUSPENDED = 'google-workspace/gemini-license-on-suspended-user';
  const plans: Array<[string, LicenseSku, GoogleOracleRuleId[], GoogleOracleRuleId[]]> = [
    ['adminNo2sv', GEMINI_LICENSE_SKUS.enterprise, [ADMIN], [USER, SUSPENDED]],
    ['admin2sv', GEMINI_LICENSE_SKUS.aiUltra, [], [ADMIN, USER, SUSPENDED]],
    ['inactiveAdmin', GEMINI_LICENSE_SKUS.aiSecurity, [], [ADMIN]],
    ['suspendedSuperAdmin', GEMINI_LICENSE_SKUS.aiUltra, [SUSPENDED], [ADMIN]],
    ['userNo2sv', GEMINI_LICENSE_SKUS.business, [USER], [ADMIN, SUSPENDED]],
    ['user2sv', GEMINI_LICENSE_SKUS.business, [], [USER, SUSPENDED]],
    ['gemini2sv', GEMINI_LICENSE_SKUS.enterprise, [], [USER]],
    ['geminiNo2sv', GEMINI_LICENSE_SKUS.aiMeetings, [USER], [ADMIN]],
    ['geminiNo2sv', GEMINI_LICENSE_SKUS.enterpriseBusiness, [USER], [ADMIN]],
    ['suspendedUser', GEMINI_LICENSE_SKUS.aiSecurity, [SUSPENDED], [USER]],
    ['archivedUser', GEMINI_LICENSE_SKUS.business, [], [USER, SUSPENDED]],
  ];
  for (const [key, sku, violations, clean] of plans) {
    const user = personas.get(key);
    if (!user) continue;
    tenant.licenses.push({ user: user.index, productId: sku.productId, skuId: sku.skuId });
    const assetKey = googleAssetKey.geminiLicense(user.id, sku.productId);
    for (const ruleId of violations) planted.violations.push({ ruleId, assetKey });
    for (const ruleId of clean) planted.clean.push({ ruleId, assetKey });
  }
}

function plantGrants(
  tenant: GoogleTenant,
  personas: Map<string, GoogleUser>,
  planted: GooglePlantedSet,
): void {
  const [pdfSync, slack, chatgpt] = ['PDF Docs Sync', 'Slack', 'ChatGPT'].map(appNamed) as [
    GoogleOAuthGrant,
    GoogleOAuthGrant,
    GoogleOAuthGrant,
  ];
  const copy = (g: GoogleOAuthGrant) => ({ ...g, scopes: [...g.scopes] });
  type Plan = Array<[GoogleOAuthGrant, GoogleOracleRuleId[], GoogleOracleRuleId[]]>;
  const DRIVE_GMAIL = 'google-workspace/app-drive-or-gmail-access';
  const DOCS_CAL = 'google-workspace/app-docs-calendar-access';
  const SIGN_IN = 'google-workspace/app-sign-in-only';
  const AI = 'common/shadow-ai-grant-unapproved';
  const SUSPENDED = 'google-workspace/suspended-user-holds-grants';
  const plans: Record<string, Plan> = {
    user2sv: [
      [pdfSync, [DRIVE_GMAIL], [SUSPENDED, AI]],
      [slack, [DOCS_CAL], [DRIVE_GMAIL, AI]],
      [chatgpt, [DRIVE_GMAIL, AI], [DOCS_CAL]],
      [PLANTED_APPS.intranet, [SIGN_IN], [DRIVE_GMAIL, DOCS_CAL, AI]],
      [PLANTED_APPS.tasks, [], [SIGN_IN, DRIVE_GMAIL, DOCS_CAL, AI]],
      [PLANTED_APPS.sheetsAddon, [DOCS_CAL], [AI, DRIVE_GMAIL, SIGN_IN]],
    ],
    userNo2sv: [[PLANTED_APPS.otter, [DOCS_CAL, AI], [DRIVE_GMAIL, SUSPENDED]]],
    suspendedSuperAdmin: [[pdfSync, [SUSPENDED, DRIVE_GMAIL], []]],
    suspendedUser: [
      [slack, [SUSPENDED, DOCS_CAL], []],
      [chatgpt, [SUSPENDED, DRIVE_GMAIL, AI], []],
    ],
  };
  for (const [key, plan] of Object.entries(plans)) {
    const user = personas.get(key);
    if (!user) continue;
    tenant.grants.set(
      user.index,
      plan.map(([g]) => copy(g)),
    );
    for (const [g, violations, clean] of plan) {
      const assetKey = googleAssetKey.grant(user.id, g.clientId);
      for (const ruleId of violations) planted.violations.push({ ruleId, assetKey });
      for (const ruleId of clean) planted.clean.push({ ruleId, assetKey });
    }
  }
}

function plantFiles(
  tenant: GoogleTenant,
  personas: Map<string, GoogleUser>,
  planted: GooglePlantedSet,
  activities: NewActivity[],
  random: Random,
  t: number,
): void {
  const content = random.fork('dlp');
  const hosts: Array<[string, FileSpec[]]> = [
    ['fileSharer', sharerFiles(tenant.domain, personas.get('user2sv') ?? tenant.users[0])],
    ['dlpOwner', dlpFiles(tenant.domain)],
  ];
  let minute = 0;
  const place = (spec: FileSpec, index: number, owner: GoogleUser | undefined): void => {
    const base = tenant.files.get(index);
    if (!base) return;
    minute += 1;
    const at = t - 3 * DAY + minute * 60_000;
    const ownerPermission = owner ? [userPermission(owner, 'owner')] : [];
    const bare: DriveFile = {
      ...base,
      name: spec.name,
      mimeType: spec.mimeType,
      content: spec.content ? spec.content(content) : `${spec.name}\n\nDraft text.\n`,
      trashed: false,
      modifiedTime: iso(at),
      permissions: ownerPermission,
    };
    const extra: GooglePermission[] = spec.permissions.map(({ expires, id, ...p }, n) => ({
      ...p,
      id:
        id ?? (p.type === 'anyone' ? (p.allowFileDiscovery ? 'anyone' : 'anyoneWithLink') : `p${index}x${n}`),
      ...(expires ? { expirationTime: iso(t + 30 * DAY) } : {}),
    }));
    const shared: DriveFile = {
      ...bare,
      permissions: [...ownerPermission, ...extra],
      trashed: spec.trashed ?? false,
    };
    tenant.files.put(shared);
    const acl = aclChange(tenant, bare, shared, at);
    if (acl) activities.push(acl);
    if (shared.trashed)
      activities.push(driveActivity(tenant, shared, at + 1000, [{ type: 'access', name: 'trash' }]));
    planted.files[spec.key] = shared.id;
    const assetKey = googleAssetKey.file(shared.id);
    for (const ruleId of spec.violations) planted.violations.push({ ruleId, assetKey });
    for (const ruleId of spec.clean) planted.clean.push({ ruleId, assetKey });
  };

  for (const [key, specs] of hosts) {
    const owner = personas.get(key);
    if (!owner) continue;
    const range = tenant.files.ownedRange(owner.index);
    specs.forEach((spec, k) => {
      if (range.start + k < range.end) place(spec, range.start + k, owner);
    });
  }

  // A suspended user's public file: real, but no scan can read it (no impersonation).
  const suspended = personas.get('suspendedUser');
  if (suspended) {
    const range = tenant.files.ownedRange(suspended.index);
    if (range.start < range.end) {
      place(
        {
          key: 'suspendedOwnerPublic',
          name: 'Shared budget (left company)',
          mimeType: MIME.sheet,
          permissions: [anyone('writer')],
          violations: [],
          clean: ['common/file-public-edit'],
        },
        range.start,
        suspended,
      );
    }
  }

  // A shared-drive item published by link and shared with a vendor: the last slot of the
  // first drive an active user can scan (the first slots stay as generated).
  const drive = tenant.drives.find((d) => d.members.some((m) => !tenant.users[m.user]?.suspended));
  if (drive) {
    const range = tenant.files.driveRange(drive.index);
    if (range.end - range.start >= 2) {
      place(
        {
          key: 'sharedDrivePublic',
          name: 'Vendor onboarding pack',
          mimeType: MIME.doc,
          permissions: [anyone('reader'), external('vendor@contractor-corp.com', 'writer', false)],
          violations: ['common/file-public-view', NO_EXPIRY],
          clean: ['common/file-public-edit', PERSONAL],
        },
        range.end - 1,
        undefined,
      );
    }
  }
}
