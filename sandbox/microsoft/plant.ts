/**
 * Deterministic violations and their clean look-alikes, planted over the random background:
 * personas in reserved user slots (an admin without MFA next to one with it, a never-signed-in
 * user next to a new hire …), tenant settings loosened the way a default tenant is, third-party
 * apps with chosen grants (AI apps, verified and unverified publishers), app registrations with
 * chosen credential lifetimes, and chosen sharing and content on a few drive items. What does
 * not fit the tenant's size is skipped, along with what it plants.
 *
 * `violations` lists what was meant to fire; `clean` lists (rule, asset) pairs a look-alike must
 * not produce. The oracle (oracle.ts) derives the truth from the data; tests compare the two.
 * Rules a non-premium tenant cannot evidence (MFA registration, sign-in activity) are listed as
 * clean there: the scanner cannot report them.
 */
import {
  awsKeyContent,
  CLEAN_CONTROL_CONTENT,
  cardContent,
  privateKeyContent,
} from '../google/dlp-content.ts';
import type { Random } from '../random.ts';
import {
  addServicePrincipal,
  appRoleAssignment,
  PLANTED_APPS,
  type PlantedAppKey,
  plantedAppDraft,
} from './apps.ts';
import {
  type MicrosoftOracleRuleId,
  type MicrosoftPlanted,
  microsoftAssetKey,
  PREMIUM_RULES,
} from './asset-keys.ts';
import { GRAPH_APP_ID, roleTemplateNamed } from './catalog.ts';
import { delegatedGrantId, guid } from './ids.ts';
import {
  foldersIn,
  invitationPermissionId,
  iso,
  linkPermissionId,
  MIME,
  userPermissionId,
} from './item-store.ts';
import { GUEST_PERSONAS, MEMBER_PERSONAS, PARTNER_DOMAIN, type Persona } from './personas.ts';
import type {
  Application,
  DriveItem,
  DrivePermission,
  KeyCredential,
  MicrosoftTenant,
  MsUser,
  PasswordCredential,
  ServicePrincipal,
} from './types.ts';

const DAY = 86_400_000;

export interface MicrosoftPlantedSet {
  /** Findings the planted data is meant to produce (the oracle finds these and more: the background). */
  violations: MicrosoftPlanted[];
  /** Findings the look-alikes must NOT produce. */
  clean: MicrosoftPlanted[];
  /** Persona key → user id (only personas the tenant was big enough for). */
  users: Record<string, string>;
  /** Planted app key → service principal id. */
  apps: Record<string, string>;
  /** Planted grant key → oauth2PermissionGrant id or appRoleAssignment id. */
  grants: Record<string, string>;
  /** Planted app registration key → application object id. */
  applications: Record<string, string>;
  /** Planted item key → drive and item ids. */
  items: Record<string, { driveId: string; itemId: string }>;
}

export const emptyPlantedSet = (): MicrosoftPlantedSet => ({
  violations: [],
  clean: [],
  users: {},
  apps: {},
  grants: {},
  applications: {},
  items: {},
});

class Planter {
  readonly set = emptyPlantedSet();
  constructor(private readonly premium: boolean) {}

  note(
    assetKey: string,
    violations: readonly MicrosoftOracleRuleId[] = [],
    clean: readonly MicrosoftOracleRuleId[] = [],
  ) {
    for (const ruleId of violations) {
      const unseen = !this.premium && PREMIUM_RULES.includes(ruleId);
      this.set[unseen ? 'clean' : 'violations'].push({ ruleId, assetKey });
    }
    for (const ruleId of clean) this.set.clean.push({ ruleId, assetKey });
  }
}

export function plantViolations(tenant: MicrosoftTenant, random: Random, now: Date): MicrosoftPlantedSet {
  const planter = new Planter(tenant.premium);
  const personas = plantPersonas(tenant, planter, now.getTime());
  plantSettings(tenant, planter);
  plantApps(tenant, planter, random.fork('apps'), personas, now.getTime());
  plantApplications(tenant, planter, random.fork('applications'), now.getTime());
  plantItems(tenant, planter, random.fork('items'), personas, now.getTime());
  return planter.set;
}

function plantPersonas(tenant: MicrosoftTenant, planter: Planter, t: number): Map<string, MsUser> {
  const byKey = new Map<string, MsUser>();
  const place = (persona: Persona, index: number, guest: boolean) => {
    const user = tenant.users[index];
    if (!user) return;
    const mail = `${persona.local}@${guest ? PARTNER_DOMAIN : tenant.domain}`;
    const days = (d: number | null | undefined) => (d === null || d === undefined ? null : iso(t - d * DAY));
    const attempt = persona.lastAttempt === undefined ? persona.lastSuccess : persona.lastAttempt;
    const signedIn = persona.lastSuccess !== null || persona.legacySignIn;
    Object.assign(user, {
      displayName: `${persona.given} ${persona.family}`,
      givenName: persona.given,
      surname: persona.family,
      mail,
      userPrincipalName: guest ? `${persona.local}_${PARTNER_DOMAIN}#EXT#@${tenant.initialDomain}` : mail,
      accountEnabled: persona.enabled ?? true,
      createdDateTime: iso(t - (persona.created ?? 700) * DAY),
      signIn: signedIn
        ? {
            lastSignInDateTime: days(attempt),
            lastNonInteractiveSignInDateTime: persona.legacySignIn ? null : days(persona.lastSuccess),
            lastSuccessfulSignInDateTime: persona.legacySignIn ? null : days(persona.lastSuccess),
          }
        : null,
      mfa: {
        isMfaRegistered: persona.mfa,
        isMfaCapable: persona.mfa,
        methodsRegistered: persona.mfa ? ['microsoftAuthenticatorPush', 'mobilePhone'] : [],
      },
    } satisfies Partial<MsUser>);
    for (const role of tenant.roles) role.members = role.members.filter((m) => m !== index);
    for (const name of persona.roles ?? []) {
      const template = roleTemplateNamed(name);
      tenant.roles.find((r) => r.roleTemplateId === template.roleTemplateId)?.members.push(index);
    }
    byKey.set(persona.key, user);
    planter.set.users[persona.key] = user.id;
    planter.note(microsoftAssetKey.identity(user.id), persona.violations, persona.clean);
  };
  MEMBER_PERSONAS.forEach((p, i) => {
    place(p, 1 + i, false);
  });
  GUEST_PERSONAS.forEach((p, i) => {
    place(p, 1 + MEMBER_PERSONAS.length + i, true);
  });
  return byKey;
}

/** The tenant-wide settings a default tenant ships with: every settings rule fires. */
function plantSettings(tenant: MicrosoftTenant, planter: Planter): void {
  tenant.authorizationPolicy.defaultUserRolePermissions.allowedToCreateApps = true;
  tenant.authorizationPolicy.defaultUserRolePermissions.permissionGrantPoliciesAssigned = [
    'ManagePermissionGrantsForSelf.microsoft-user-default-legacy',
    'ManagePermissionGrantsForOwnedResource.microsoft-dynamically-managed-permissions-for-team',
  ];
  tenant.authorizationPolicy.allowInvitesFrom = 'everyone';
  tenant.adminConsentRequestPolicy.isEnabled = false;
  Object.assign(tenant.sharepoint, {
    sharingCapability: 'externalUserAndGuestSharing',
    isResharingByExternalUsersEnabled: true,
    defaultSharingLinkType: 3,
    defaultLinkPermission: 2,
    requireAnonymousLinksExpireInDays: -1,
  } satisfies Partial<MicrosoftTenant['sharepoint']>);
  planter.note(microsoftAssetKey.setting('authorization_policy'), [
    'microsoft-365/users-can-consent-to-apps',
    'microsoft-365/users-can-register-apps',
  ]);
  planter.note(microsoftAssetKey.setting('admin_consent_request_policy'), [
    'microsoft-365/admin-consent-workflow-disabled',
  ]);
  planter.note(microsoftAssetKey.setting('sharepoint_settings'), [
    'microsoft-365/sharepoint-external-sharing-too-broad',
  ]);
  planter.note(microsoftAssetKey.setting('sharepoint_tenant'), [
    'microsoft-365/sharepoint-default-link-not-specific-people',
    'microsoft-365/sharepoint-default-link-permission-edit',
    'microsoft-365/sharepoint-anyone-link-expiry',
  ]);
}

const AI_GRANT = 'common/shadow-ai-grant-unapproved';
const AI_TENANT = 'common/shadow-ai-tenant-wide-grant';
const UNVERIFIED = 'microsoft-365/unverified-app-high-risk-permissions';
const TENANT_WIDE = 'microsoft-365/tenant-wide-grant-high-risk';

type GrantPlan =
  | {
      key: string;
      app: PlantedAppKey | { firstParty: string };
      /** Persona key for a Principal grant; null = AllPrincipals. */
      user: string | null;
      scope: string;
      violations: MicrosoftOracleRuleId[];
      clean: MicrosoftOracleRuleId[];
    }
  | {
      key: string;
      app: PlantedAppKey;
      /** An application permission on Microsoft Graph. */
      role: string;
      violations: MicrosoftOracleRuleId[];
      clean: MicrosoftOracleRuleId[];
    };

const GRANT_PLANS: readonly GrantPlan[] = [
  {
    key: 'chatgptUser',
    app: 'chatgpt',
    user: 'userMfa',
    scope: 'User.Read Files.Read.All Sites.Read.All offline_access',
    violations: [AI_GRANT],
    clean: [AI_TENANT, UNVERIFIED, TENANT_WIDE],
  },
  {
    key: 'chatgptUser2',
    app: 'chatgpt',
    user: 'userNoMfa',
    scope: 'User.Read Files.Read.All Sites.Read.All offline_access',
    violations: [AI_GRANT],
    clean: [AI_TENANT],
  },
  {
    key: 'claudeAdmin',
    app: 'claude',
    user: 'adminMfa',
    scope: 'User.Read Mail.Read offline_access',
    violations: [AI_GRANT],
    clean: [AI_TENANT, UNVERIFIED],
  },
  {
    key: 'otterTenant',
    app: 'otter',
    user: null,
    scope: 'User.Read Calendars.Read offline_access',
    violations: [AI_GRANT, AI_TENANT],
    clean: [TENANT_WIDE, UNVERIFIED],
  },
  {
    key: 'firefliesCalendars',
    app: 'fireflies',
    role: 'Calendars.Read',
    violations: [AI_GRANT, AI_TENANT, UNVERIFIED],
    clean: [TENANT_WIDE],
  },
  {
    key: 'chatgptForExcelUser',
    app: 'chatgptForExcel',
    user: 'userMfa',
    scope: 'User.Read Files.ReadWrite offline_access',
    violations: [],
    clean: [AI_GRANT, AI_TENANT, UNVERIFIED],
  },
  {
    key: 'pdfSyncUser',
    app: 'pdfSync',
    user: 'userNoMfa',
    scope: 'User.Read Mail.Read offline_access',
    violations: [UNVERIFIED],
    clean: [TENANT_WIDE, AI_GRANT],
  },
  {
    key: 'crmUser',
    app: 'crmConnector',
    user: 'userMfa',
    scope: 'Mail.ReadWrite Files.ReadWrite.All',
    violations: [],
    clean: [UNVERIFIED, TENANT_WIDE],
  },
  {
    key: 'crmMail',
    app: 'crmConnector',
    role: 'Mail.Read',
    violations: [],
    clean: [UNVERIFIED, TENANT_WIDE],
  },
  {
    key: 'lunchPollUser',
    app: 'lunchPoll',
    user: 'userNoMfa',
    scope: 'User.Read openid profile',
    violations: [],
    clean: [UNVERIFIED],
  },
  {
    key: 'mailArchiverTenant',
    app: 'mailArchiver',
    user: null,
    scope: 'Mail.Read User.Read',
    violations: [TENANT_WIDE],
    clean: [UNVERIFIED, AI_TENANT],
  },
  {
    key: 'companyDirectoryTenant',
    app: 'companyDirectory',
    user: null,
    scope: 'User.Read User.ReadBasic.All',
    violations: [],
    clean: [TENANT_WIDE, UNVERIFIED],
  },
  {
    key: 'contractScannerTenant',
    app: 'contractScanner',
    user: null,
    scope: 'User.Read Files.Read.All',
    violations: [TENANT_WIDE, UNVERIFIED],
    clean: [AI_TENANT],
  },
  {
    key: 'backupVaultFiles',
    app: 'backupVault',
    role: 'Files.Read.All',
    violations: [UNVERIFIED],
    clean: [],
  },
  { key: 'backupVaultMail', app: 'backupVault', role: 'Mail.Read', violations: [UNVERIFIED], clean: [] },
  {
    key: 'statusDashboardUsers',
    app: 'statusDashboard',
    role: 'User.ReadBasic.All',
    violations: [],
    clean: [UNVERIFIED],
  },
  {
    // First-party (Microsoft-owned) with a critical scope: not third party, so not "unverified".
    key: 'azureCliAdmin',
    app: { firstParty: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' },
    user: 'admin',
    scope: 'Directory.AccessAsUser.All',
    violations: [],
    clean: [UNVERIFIED, TENANT_WIDE],
  },
];

function plantApps(
  tenant: MicrosoftTenant,
  planter: Planter,
  random: Random,
  personas: Map<string, MsUser>,
  t: number,
): void {
  const graph = tenant.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID) as ServicePrincipal;
  const sps = new Map<string, ServicePrincipal>();
  for (const [key, spec] of Object.entries(PLANTED_APPS)) {
    const sp = addServicePrincipal(tenant, random, plantedAppDraft(spec), iso(t - 60 * DAY));
    sps.set(key, sp);
    planter.set.apps[key] = sp.id;
  }
  const admin = tenant.users[0] as MsUser;
  for (const plan of GRANT_PLANS) {
    const sp =
      typeof plan.app === 'string'
        ? sps.get(plan.app)
        : tenant.servicePrincipals.find((s) => s.appId === (plan.app as { firstParty: string }).firstParty);
    if (!sp) continue;
    let id: string;
    if ('role' in plan) {
      const assignment = appRoleAssignment(sp, graph, plan.role, iso(t - 20 * DAY));
      tenant.assignments.push(assignment);
      id = assignment.id;
    } else {
      const user = plan.user === null ? null : plan.user === 'admin' ? admin : personas.get(plan.user);
      if (user === undefined) continue;
      id = delegatedGrantId(sp.id, graph.id, user?.id ?? null);
      if (tenant.grants.some((g) => g.id === id)) continue;
      tenant.grants.push({
        id,
        clientId: sp.id,
        consentType: user ? 'Principal' : 'AllPrincipals',
        principalId: user?.id ?? null,
        resourceId: graph.id,
        scope: plan.scope,
      });
    }
    planter.set.grants[plan.key] = id;
    planter.note(microsoftAssetKey.grant(id), plan.violations, plan.clean);
  }
}

interface CredentialPlan {
  kind: 'secret' | 'certificate';
  /** Days between start and end. */
  lifetime: number;
  /** Days since start. */
  age: number;
  violations: MicrosoftOracleRuleId[];
  clean: MicrosoftOracleRuleId[];
}

const SECRET_LIFETIME = 'microsoft-365/app-secret-lifetime-over-180-days';
const CERT_LIFETIME = 'microsoft-365/app-certificate-lifetime-over-365-days';
const EXPIRING = 'microsoft-365/app-credential-expiring';
const PRIVILEGED_SECRET = 'microsoft-365/secret-on-privileged-app';

const APPLICATION_PLANS: ReadonlyArray<{
  key: string;
  name: string;
  roles: string[];
  credentials: CredentialPlan[];
}> = [
  {
    key: 'payrollSync',
    name: 'Payroll Sync',
    roles: ['Files.ReadWrite.All'],
    credentials: [
      {
        kind: 'secret',
        lifetime: 730,
        age: 100,
        violations: [SECRET_LIFETIME, PRIVILEGED_SECRET],
        clean: [EXPIRING],
      },
    ],
  },
  {
    key: 'hrExport',
    name: 'HR Export',
    roles: ['User.Read.All'],
    credentials: [
      {
        kind: 'secret',
        lifetime: 90,
        age: 10,
        violations: [],
        clean: [SECRET_LIFETIME, EXPIRING, PRIVILEGED_SECRET],
      },
    ],
  },
  {
    key: 'mailNotifier',
    name: 'Mail Notifier',
    roles: ['Mail.Send'],
    credentials: [
      {
        kind: 'secret',
        lifetime: 90,
        age: 5,
        violations: [PRIVILEGED_SECRET],
        clean: [SECRET_LIFETIME, EXPIRING],
      },
    ],
  },
  {
    key: 'intranetPortal',
    name: 'Intranet Portal',
    roles: [],
    credentials: [
      { kind: 'certificate', lifetime: 1095, age: 30, violations: [CERT_LIFETIME], clean: [EXPIRING] },
    ],
  },
  {
    key: 'buildAgent',
    name: 'Build Agent',
    roles: [],
    credentials: [
      { kind: 'certificate', lifetime: 365, age: 100, violations: [], clean: [CERT_LIFETIME, EXPIRING] },
    ],
  },
  {
    key: 'legacyReports',
    name: 'Legacy Reports',
    roles: [],
    credentials: [
      { kind: 'secret', lifetime: 180, age: 190, violations: [EXPIRING], clean: [SECRET_LIFETIME] },
    ],
  },
  {
    key: 'marketingSync',
    name: 'Marketing Sync',
    roles: [],
    credentials: [
      { kind: 'secret', lifetime: 181, age: 161, violations: [EXPIRING, SECRET_LIFETIME], clean: [] },
    ],
  },
  {
    key: 'opsAutomation',
    name: 'Ops Automation',
    roles: ['Sites.FullControl.All'],
    credentials: [
      {
        kind: 'certificate',
        lifetime: 365,
        age: 10,
        violations: [],
        clean: [PRIVILEGED_SECRET, CERT_LIFETIME, EXPIRING],
      },
    ],
  },
];

function plantApplications(tenant: MicrosoftTenant, planter: Planter, random: Random, t: number): void {
  const graph = tenant.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID) as ServicePrincipal;
  for (const plan of APPLICATION_PLANS) {
    const created = iso(t - 400 * DAY);
    const passwordCredentials: PasswordCredential[] = [];
    const keyCredentials: KeyCredential[] = [];
    const application: Application = {
      index: tenant.applications.length,
      id: guid(random),
      appId: guid(random),
      displayName: plan.name,
      signInAudience: 'AzureADMyOrg',
      createdDateTime: created,
      passwordCredentials,
      keyCredentials,
    };
    for (const credential of plan.credentials) {
      const start = t - credential.age * DAY;
      const common = {
        keyId: guid(random),
        startDateTime: iso(start),
        endDateTime: iso(start + credential.lifetime * DAY),
      };
      if (credential.kind === 'secret') {
        passwordCredentials.push({
          ...common,
          displayName: 'prod',
          hint: random.token(3, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'),
        });
      } else {
        keyCredentials.push({
          ...common,
          displayName: `CN=${plan.key}`,
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          customKeyIdentifier: random.token(40).toUpperCase(),
        });
      }
      planter.note(
        microsoftAssetKey.apiKey(application.id, common.keyId),
        credential.violations,
        credential.clean,
      );
    }
    tenant.applications.push(application);
    planter.set.applications[plan.key] = application.id;
    const sp = addServicePrincipal(
      tenant,
      random,
      {
        appId: application.appId,
        displayName: plan.name,
        publisherName: tenant.displayName,
        verified: false,
        owner: tenant.tenantId,
        audience: 'AzureADMyOrg',
        homepage: null,
      },
      created,
    );
    for (const role of plan.roles) {
      const assignment = appRoleAssignment(sp, graph, role, created);
      tenant.assignments.push(assignment);
      // In-house apps are not third party: high-risk application permissions stay unflagged.
      planter.note(microsoftAssetKey.grant(assignment.id), [], [UNVERIFIED]);
    }
  }
}

const FILE_RULES: MicrosoftOracleRuleId[] = [
  'common/file-public-edit',
  'common/file-public-view',
  'common/file-external-edit',
  'common/file-external-view',
  'common/file-domain-edit',
  'common/file-domain-view',
];
const DLP_RULES: MicrosoftOracleRuleId[] = [
  'common/dlp-file-public-edit',
  'common/dlp-file-public-view',
  'common/dlp-file-external-edit',
  'common/dlp-file-external-view',
  'common/dlp-file-org-wide',
];

/** A permission to plant, without its id (derived when placed). */
type PermissionDraft = Omit<DrivePermission, 'id'>;

interface ItemSpec {
  key: string;
  name: string;
  /** null: a folder (placed on the drive's first folder slot). */
  mimeType: string | null;
  content?: (random: Random) => string;
  permissions: (ctx: { colleague?: MsUser; guest?: MsUser }) => PermissionDraft[];
  deleted?: boolean;
  violations: MicrosoftOracleRuleId[];
  clean: MicrosoftOracleRuleId[];
}

const anyone = (type: 'view' | 'edit', expires?: boolean): PermissionDraft => ({
  roles: [type === 'edit' ? 'write' : 'read'],
  link: { scope: 'anonymous', type },
  ...(expires ? { expirationDateTime: 'expires' } : {}),
});
const organization = (type: 'view' | 'edit'): PermissionDraft => ({
  roles: [type === 'edit' ? 'write' : 'read'],
  link: { scope: 'organization', type },
});
const invite = (email: string, role: 'read' | 'write'): PermissionDraft => ({ roles: [role], email });
const peopleLink = (type: 'view' | 'edit', who: { email?: string; user?: number }): PermissionDraft => ({
  roles: [type === 'edit' ? 'write' : 'read'],
  link: { scope: 'users', type },
  ...who,
});

function sharerItems(): ItemSpec[] {
  return [
    {
      key: 'sharedFolder',
      name: 'Client deliverables',
      mimeType: null,
      permissions: () => [anyone('view')],
      violations: ['common/file-public-view'],
      clean: ['common/file-public-edit'],
    },
    {
      key: 'anonymousEdit',
      name: 'Team offsite plan.docx',
      mimeType: MIME.docx,
      permissions: () => [anyone('edit')],
      violations: ['common/file-public-edit'],
      clean: ['common/file-public-view'],
    },
    {
      key: 'anonymousView',
      name: 'Press kit.docx',
      mimeType: MIME.docx,
      permissions: () => [anyone('view', true)],
      violations: ['common/file-public-view'],
      clean: ['common/file-public-edit'],
    },
    {
      key: 'organizationEdit',
      name: 'All-hands notes.docx',
      mimeType: MIME.docx,
      permissions: () => [organization('edit')],
      violations: ['common/file-domain-edit'],
      clean: ['common/file-domain-view'],
    },
    {
      key: 'organizationView',
      name: 'Holiday calendar.xlsx',
      mimeType: MIME.xlsx,
      permissions: () => [organization('view')],
      violations: ['common/file-domain-view'],
      clean: ['common/file-domain-edit'],
    },
    {
      key: 'externalInviteEdit',
      name: 'Agency brief.docx',
      mimeType: MIME.docx,
      permissions: () => [invite('dana@partner-agency.com', 'write')],
      violations: ['common/file-external-edit'],
      clean: ['common/file-external-view'],
    },
    {
      key: 'externalLinkView',
      name: 'Partner price list.xlsx',
      mimeType: MIME.xlsx,
      permissions: () => [peopleLink('view', { email: 'lee@partner-agency.com' })],
      violations: ['common/file-external-view'],
      clean: ['common/file-external-edit'],
    },
    {
      key: 'guestView',
      name: 'Audit evidence index.xlsx',
      mimeType: MIME.xlsx,
      permissions: ({ guest }) => (guest ? [{ roles: ['read'], user: guest.index }] : []),
      violations: ['common/file-external-view'],
      clean: ['common/file-external-edit'],
    },
    {
      key: 'internalShare',
      name: 'Quarterly goals.docx',
      mimeType: MIME.docx,
      permissions: ({ colleague }) => (colleague ? [peopleLink('edit', { user: colleague.index })] : []),
      violations: [],
      clean: FILE_RULES,
    },
    {
      // The widest level wins, and only permissions at that level set the access.
      key: 'mixedLinks',
      name: 'Launch checklist.docx',
      mimeType: MIME.docx,
      permissions: () => [organization('edit'), anyone('view')],
      violations: ['common/file-public-view'],
      clean: ['common/file-public-edit', 'common/file-domain-edit'],
    },
    {
      key: 'deletedPublic',
      name: 'Old landing page copy.docx',
      mimeType: MIME.docx,
      permissions: () => [anyone('edit')],
      deleted: true,
      violations: [],
      clean: ['common/file-public-edit', 'common/file-public-view'],
    },
    {
      key: 'private',
      name: 'Personal notes.txt',
      mimeType: MIME.txt,
      permissions: () => [],
      violations: [],
      clean: FILE_RULES,
    },
  ];
}

function dlpItems(): ItemSpec[] {
  return [
    {
      key: 'dlpCardPublicEdit',
      name: 'Travel card details.docx',
      mimeType: MIME.docx,
      content: (r) => cardContent(r, false),
      permissions: () => [anyone('edit')],
      violations: ['common/dlp-file-public-edit', 'common/file-public-edit'],
      clean: ['common/dlp-file-public-view'],
    },
    {
      key: 'dlpAwsPublicView',
      name: 'deploy-credentials.txt',
      mimeType: MIME.txt,
      content: awsKeyContent,
      permissions: () => [anyone('view')],
      violations: ['common/dlp-file-public-view', 'common/file-public-view'],
      clean: ['common/dlp-file-public-edit'],
    },
    {
      key: 'dlpKeyExternalEdit',
      name: 'server-key.txt',
      mimeType: MIME.txt,
      content: privateKeyContent,
      permissions: () => [invite('ops@partner-agency.com', 'write')],
      violations: ['common/dlp-file-external-edit', 'common/file-external-edit'],
      clean: ['common/dlp-file-external-view'],
    },
    {
      key: 'dlpCardExternalView',
      name: 'Card reconciliation.csv',
      mimeType: MIME.csv,
      content: (r) => cardContent(r, true),
      permissions: () => [peopleLink('view', { email: 'billing@partner-agency.com' })],
      violations: ['common/dlp-file-external-view', 'common/file-external-view'],
      clean: ['common/dlp-file-external-edit'],
    },
    {
      key: 'dlpAwsOrgWide',
      name: 'CI secrets.xlsx',
      mimeType: MIME.xlsx,
      content: awsKeyContent,
      permissions: () => [organization('view')],
      violations: ['common/dlp-file-org-wide', 'common/file-domain-view'],
      clean: [],
    },
    {
      key: 'dlpCleanControl',
      name: 'CLI onboarding guide.txt',
      mimeType: MIME.txt,
      content: () => CLEAN_CONTROL_CONTENT,
      permissions: () => [anyone('view')],
      violations: ['common/file-public-view'],
      clean: DLP_RULES,
    },
    {
      key: 'dlpPrivate',
      name: 'My card.txt',
      mimeType: MIME.txt,
      content: (r) => cardContent(r, false),
      permissions: () => [],
      violations: [],
      clean: [...DLP_RULES, ...FILE_RULES],
    },
  ];
}

function plantItems(
  tenant: MicrosoftTenant,
  planter: Planter,
  random: Random,
  personas: Map<string, MsUser>,
  t: number,
): void {
  const content = random.fork('dlp');
  const ctx = { colleague: personas.get('userMfa'), guest: personas.get('guestNoMfa') };
  let minute = 0;
  const place = (spec: ItemSpec, index: number): void => {
    const base = tenant.items.get(index);
    if (!base) return;
    const drive = tenant.drives[base.drive];
    if (!drive) return;
    minute += 1;
    const at = t - 3 * DAY + minute * 60_000;
    const text = spec.content ? spec.content(content) : spec.mimeType ? `${spec.name}\n\nDraft text.\n` : '';
    const permissions: DrivePermission[] = spec.permissions(ctx).map((p, n) => {
      const user = p.user === undefined ? undefined : tenant.users[p.user];
      const id = p.link
        ? linkPermissionId(index, n)
        : user
          ? userPermissionId(user.userPrincipalName)
          : invitationPermissionId(p.email ?? '');
      const expires = p.expirationDateTime ? { expirationDateTime: iso(t + 30 * DAY) } : {};
      return { ...p, ...expires, id };
    });
    const item: DriveItem = {
      ...base,
      name: spec.name,
      folder: spec.mimeType === null,
      mimeType: spec.mimeType,
      parent: spec.mimeType === null ? base.parent : -1,
      size: Buffer.byteLength(text),
      lastModifiedDateTime: iso(at),
      permissions,
      content: text,
    };
    tenant.items.put(item);
    if (spec.deleted) tenant.items.delete(index);
    planter.set.items[spec.key] = { driveId: drive.id, itemId: item.id };
    planter.note(microsoftAssetKey.file(drive.id, item.id), spec.violations, spec.clean);
  };

  for (const [key, specs] of [
    ['fileSharer', sharerItems()],
    ['dlpOwner', dlpItems()],
  ] as const) {
    const owner = personas.get(key);
    const drive = owner && tenant.drives.find((d) => d.owner === owner.index);
    if (!drive) continue;
    const range = tenant.items.driveRange(drive.index);
    const folders = foldersIn(range.end - range.start);
    let next = range.start + folders;
    for (const spec of specs) {
      if (spec.mimeType === null) {
        if (folders > 0) place(spec, range.start);
        continue;
      }
      if (next < range.end) place(spec, next);
      next += 1;
    }
  }

  // A team-site item published by link and shared with a vendor: the last slot of the first library.
  const library = tenant.drives.find((d) => d.driveType === 'documentLibrary');
  if (library) {
    const range = tenant.items.driveRange(library.index);
    if (range.end - range.start > foldersIn(range.end - range.start)) {
      place(
        {
          key: 'siteVendorPack',
          name: 'Vendor onboarding pack.docx',
          mimeType: MIME.docx,
          permissions: () => [anyone('view'), invite('vendor@contractor-corp.com', 'write')],
          violations: ['common/file-public-view'],
          clean: ['common/file-public-edit', 'common/file-external-edit'],
        },
        range.end - 1,
      );
    }
  }
}
