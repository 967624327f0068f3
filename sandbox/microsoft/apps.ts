/**
 * Service principals: how one is built, and the third-party apps only planted grants use — AI
 * apps the scanner's AI catalog recognises (by name and publisher), look-alikes it must not,
 * verified and unverified publishers. Their appIds are derived from their keys, so tests can
 * name them.
 */
import type { Random } from '../random.ts';
import { appRoleOf, MICROSOFT_SERVICES_TENANT } from './catalog.ts';
import { appRoleAssignmentId, guid, guidFromName } from './ids.ts';
import type { AppRoleAssignment, MicrosoftTenant, ServicePrincipal } from './types.ts';

export const TAG_INTEGRATED = 'WindowsAzureActiveDirectoryIntegratedApp';

export interface SpDraft {
  appId?: string;
  displayName: string;
  publisherName: string | null;
  verified: boolean;
  /** appOwnerOrganizationId. */
  owner: string | null;
  audience: ServicePrincipal['signInAudience'];
  homepage: string | null;
}

export function makeServicePrincipal(
  random: Random,
  index: number,
  draft: SpDraft,
  created: string,
): ServicePrincipal {
  return {
    index,
    id: guid(random),
    appId: draft.appId ?? guid(random),
    displayName: draft.displayName,
    publisherName: draft.publisherName,
    verifiedPublisher: draft.verified
      ? {
          displayName: draft.publisherName,
          verifiedPublisherId: String(random.int(1_000_000, 9_999_999)),
          addedDateTime: created,
        }
      : { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    appOwnerOrganizationId: draft.owner,
    servicePrincipalType: 'Application',
    accountEnabled: true,
    signInAudience: draft.audience,
    tags: draft.owner === MICROSOFT_SERVICES_TENANT ? [] : [TAG_INTEGRATED],
    homepage: draft.homepage,
    createdDateTime: created,
    appRoles: [],
    oauth2PermissionScopes: [],
    deleted: false,
  };
}

export function addServicePrincipal(
  tenant: MicrosoftTenant,
  random: Random,
  draft: SpDraft,
  created: string,
): ServicePrincipal {
  const sp = makeServicePrincipal(random, tenant.servicePrincipals.length, draft, created);
  tenant.servicePrincipals.push(sp);
  return sp;
}

/** An application permission (`value` on `resource`) held by `sp`. */
export function appRoleAssignment(
  sp: ServicePrincipal,
  resource: ServicePrincipal,
  value: string,
  at: string,
): AppRoleAssignment {
  const role = appRoleOf(resource.appId, value);
  if (!resource.appRoles.some((r) => r.id === role.id)) resource.appRoles.push({ ...role });
  return {
    id: appRoleAssignmentId(sp.id, resource.id, role.id),
    appRoleId: role.id,
    principalId: sp.id,
    resourceId: resource.id,
    createdDateTime: at,
  };
}

export interface PlantedApp {
  appId: string;
  displayName: string;
  publisher: string;
  verified: boolean;
  homepage: string;
}

const app = (key: string, displayName: string, publisher: string, verified: boolean, homepage: string) => ({
  appId: guidFromName(`planted-app:${key}`),
  displayName,
  publisher,
  verified,
  homepage,
});

/** Third-party (multi-tenant) apps only planted grants use. */
export const PLANTED_APPS = {
  chatgpt: app('chatgpt', 'ChatGPT', 'OpenAI', true, 'https://chatgpt.com'),
  claude: app('claude', 'Claude', 'Anthropic', true, 'https://claude.ai'),
  otter: app('otter', 'Otter.ai', 'Otter.ai', true, 'https://otter.ai'),
  fireflies: app('fireflies', 'Fireflies.ai Notetaker', 'Fireflies.ai', false, 'https://fireflies.ai'),
  /** Named like an AI app, but a spreadsheet add-in the AI catalog does not match. */
  chatgptForExcel: app(
    'chatgptForExcel',
    'ChatGPT for Excel',
    'Sheet Wizards',
    false,
    'https://sheetwizards.example.com',
  ),
  pdfSync: app('pdfSync', 'PDF Docs Sync', 'Fabrikam Tools', false, 'https://pdfdocssync.example.com'),
  crmConnector: app(
    'crmConnector',
    'Northwind CRM Connector',
    'Northwind Traders',
    true,
    'https://northwind.example.com',
  ),
  lunchPoll: app('lunchPoll', 'Team Lunch Poll', 'Lunchly', false, 'https://lunchly.example.com'),
  mailArchiver: app(
    'mailArchiver',
    'Mail Archiver Cloud',
    'Archivist',
    true,
    'https://archivist.example.com',
  ),
  companyDirectory: app(
    'companyDirectory',
    'Company Directory',
    'Tailspin Apps',
    false,
    'https://tailspin.example.com',
  ),
  contractScanner: app(
    'contractScanner',
    'Contract Scanner',
    'Wingtip Legal',
    false,
    'https://wingtip.example.com',
  ),
  backupVault: app('backupVault', 'Backup Vault Pro', 'Vaultware', false, 'https://vaultware.example.com'),
  statusDashboard: app(
    'statusDashboard',
    'Status Dashboard',
    'Uptime Widgets',
    false,
    'https://uptime.example.com',
  ),
} satisfies Record<string, PlantedApp>;

export type PlantedAppKey = keyof typeof PLANTED_APPS;

/** appIds of the AI apps (what the AI catalog recognises among the simulator's apps). */
export const AI_APP_IDS: readonly string[] = [
  PLANTED_APPS.chatgpt.appId,
  PLANTED_APPS.claude.appId,
  PLANTED_APPS.otter.appId,
  PLANTED_APPS.fireflies.appId,
];

export function plantedAppDraft(spec: PlantedApp): SpDraft {
  return {
    appId: spec.appId,
    displayName: spec.displayName,
    publisherName: spec.publisher,
    verified: spec.verified,
    owner: guidFromName(`vendor:${spec.publisher}`),
    audience: 'AzureADMultipleOrgs',
    homepage: spec.homepage,
  };
}
