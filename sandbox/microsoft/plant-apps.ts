/**
 * Planted apps and consent: third-party apps with chosen delegated grants (Principal and
 * AllPrincipals) and application permissions — AI apps, verified and unverified publishers, a
 * first-party app with a critical scope — and in-house app registrations with chosen secret and
 * certificate lifetimes, on service principals with or without privileged permissions.
 */
import type { Random } from '../random.ts';
import {
  addServicePrincipal,
  appRoleAssignment,
  PLANTED_APPS,
  type PlantedAppKey,
  plantedAppDraft,
} from './apps.ts';
import { type MicrosoftOracleRuleId, microsoftAssetKey } from './asset-keys.ts';
import { GRAPH_APP_ID } from './catalog.ts';
import { delegatedGrantId, guid } from './ids.ts';
import { iso } from './item-store.ts';
import type { Planter } from './plant.ts';
import type {
  Application,
  KeyCredential,
  MicrosoftTenant,
  MsUser,
  PasswordCredential,
  ServicePrincipal,
} from './types.ts';

const DAY = 86_400_000;

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

export function plantApps(
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

export function plantApplications(
  tenant: MicrosoftTenant,
  planter: Planter,
  random: Random,
  t: number,
): void {
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
