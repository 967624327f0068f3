/**
 * Vendor facts the generator builds on: Microsoft's first-party service principals (owner tenant
 * f8cdef31-…), the app roles of the resource SPs (Microsoft Graph, SharePoint, Exchange) with
 * their published ids, the built-in directory role templates and which of them MODEL.md counts
 * as privileged, and the scanner's default application permissions.
 */
import { guidFromName } from './ids.ts';

/** The tenant that owns Microsoft's first-party apps. */
export const MICROSOFT_SERVICES_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

export interface AppRoleSpec {
  value: string;
  id: string;
}

/** Microsoft Graph application permissions (app roles) with their published ids. */
export const GRAPH_APP_ROLES: readonly AppRoleSpec[] = [
  { value: 'AuditLog.Read.All', id: 'b0afded3-3588-46d8-8b3d-9842eff778da' },
  { value: 'Application.Read.All', id: '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30' },
  { value: 'Application.ReadWrite.All', id: '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9' },
  { value: 'AppRoleAssignment.ReadWrite.All', id: '06b708a9-e830-4db3-a914-8e69da51d44f' },
  { value: 'Calendars.Read', id: '798ee544-9d2d-430c-a058-570e29e34338' },
  { value: 'Calendars.ReadWrite', id: 'ef54d2bf-783f-4e0f-bca1-3210c0444d99' },
  { value: 'Chat.Read.All', id: '6b7d71aa-70aa-4810-a8d9-5d9fb2830017' },
  { value: 'Contacts.Read', id: '089fe4d0-434a-44c5-8827-41ba8a0b17f5' },
  { value: 'DelegatedPermissionGrant.ReadWrite.All', id: '8e8e4742-1d95-4f68-9d56-6ee75648c72a' },
  { value: 'Directory.Read.All', id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61' },
  { value: 'Directory.ReadWrite.All', id: '19dbc75e-c2e2-444c-a770-ec69d8559fc7' },
  { value: 'Files.Read.All', id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6' },
  { value: 'Files.ReadWrite.All', id: '75359482-378d-4052-8f01-80520e7db3cd' },
  { value: 'Group.Read.All', id: '5b567255-7703-4780-807c-7be8301ae99b' },
  { value: 'Group.ReadWrite.All', id: '62a82d76-70ea-41e2-9197-370581804d09' },
  { value: 'Mail.Read', id: '810c84a8-4a9e-49e6-bf7d-12d183f40d01' },
  { value: 'Mail.ReadBasic.All', id: '693c5e45-0940-467d-9b8a-1022fb9d42ef' },
  { value: 'Mail.ReadWrite', id: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9' },
  { value: 'Mail.Send', id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96' },
  { value: 'OnlineMeetings.Read.All', id: 'c1684f21-1984-47fa-9d61-2dc8c296bb70' },
  { value: 'Organization.Read.All', id: '498476ce-e0fe-48b0-b801-37ba7e2685c6' },
  { value: 'Policy.Read.All', id: '246dd0d5-5bd0-4def-940b-0421030a5b68' },
  { value: 'Reports.Read.All', id: '230c1aed-a721-4c5d-9cb4-a90514e508ef' },
  { value: 'RoleManagement.Read.Directory', id: '483bed4a-2ad3-4361-a73b-c83ccdbdc53c' },
  { value: 'RoleManagement.ReadWrite.Directory', id: '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8' },
  { value: 'SharePointTenantSettings.Read.All', id: '83d4163d-a2d8-4d3b-9695-4ae3ca98f888' },
  { value: 'Sites.FullControl.All', id: 'a82116e5-55eb-4c41-a434-62fe8a61c773' },
  { value: 'Sites.Manage.All', id: '0c0bf378-bf22-4481-8f81-9e89a9b4960a' },
  { value: 'Sites.Read.All', id: '332a536c-c7ef-4017-ab91-336970924f0d' },
  { value: 'Sites.ReadWrite.All', id: '9492366f-7969-46a4-8d15-ed1a20078fff' },
  { value: 'User.Read.All', id: 'df021288-bdef-4463-88db-98f22de89214' },
  { value: 'User.ReadBasic.All', id: '97235f07-e226-4f63-ace3-39588e11d3a1' },
  { value: 'User.ReadWrite.All', id: '741f803b-c850-494e-b5df-cde7c675a1ca' },
  { value: 'UserAuthenticationMethod.Read.All', id: '38d9df27-64da-44fd-b7c5-a6fbac20248f' },
];

/** SharePoint's own app roles (the audience of SharePoint REST tokens). */
export const SHAREPOINT_APP_ROLES: readonly AppRoleSpec[] = [
  { value: 'Sites.FullControl.All', id: '678536fe-1083-478a-9c59-b99265e6b0d3' },
  { value: 'Sites.Manage.All', id: '9bff6588-13f2-4c48-bbf2-ddab62256b36' },
  { value: 'Sites.Read.All', id: 'd13f72ca-a275-4b96-b789-48ebcc4da984' },
  { value: 'Sites.ReadWrite.All', id: 'fbcd29d2-fcca-4405-aded-518d457caae4' },
];

export const EXCHANGE_APP_ROLES: readonly AppRoleSpec[] = [
  { value: 'full_access_as_app', id: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40' },
];

/** The app role of `resourceAppId` named `value` (a derived id when the catalog has none). */
export function appRoleOf(resourceAppId: string, value: string): AppRoleSpec {
  const table =
    resourceAppId === GRAPH_APP_ID
      ? GRAPH_APP_ROLES
      : resourceAppId === SHAREPOINT_APP_ID
        ? SHAREPOINT_APP_ROLES
        : resourceAppId === EXCHANGE_APP_ID
          ? EXCHANGE_APP_ROLES
          : [];
  return table.find((r) => r.value === value) ?? { value, id: guidFromName(`${resourceAppId}:${value}`) };
}

/**
 * The application permissions the scanner asks for (connectors/microsoft-365/MODEL.md): Graph
 * roles, and SharePoint's Sites.FullControl.All for the SPO.Tenant read.
 */
export const DEFAULT_GRAPH_ROLES: readonly string[] = [
  'User.Read.All',
  'AuditLog.Read.All',
  'RoleManagement.Read.Directory',
  'Directory.Read.All',
  'Application.Read.All',
  'Policy.Read.All',
  'SharePointTenantSettings.Read.All',
  'Sites.Read.All',
  'Sites.FullControl.All',
];
export const DEFAULT_SHAREPOINT_ROLES: readonly string[] = ['Sites.FullControl.All'];

/**
 * MODEL.md's `privileged` application permissions: `*.ReadWrite.All`, `Mail.*`, `Files.*`,
 * `Sites.*`, `Directory.*`, `RoleManagement.*`, `AppRoleAssignment.ReadWrite.All`,
 * `User.ReadWrite.All`.
 */
export function isPrivilegedAppRole(value: string): boolean {
  return (
    /\.ReadWrite\.All$/.test(value) ||
    /^(Mail|Files|Sites|Directory|RoleManagement)\./.test(value) ||
    value === 'AppRoleAssignment.ReadWrite.All' ||
    value === 'User.ReadWrite.All'
  );
}

export interface FirstPartyApp {
  appId: string;
  displayName: string;
}

/** Microsoft first-party apps present in every tenant (the first three are resource SPs). */
export const FIRST_PARTY_APPS: readonly FirstPartyApp[] = [
  { appId: GRAPH_APP_ID, displayName: 'Microsoft Graph' },
  { appId: SHAREPOINT_APP_ID, displayName: 'Office 365 SharePoint Online' },
  { appId: EXCHANGE_APP_ID, displayName: 'Office 365 Exchange Online' },
  { appId: '00000002-0000-0000-c000-000000000000', displayName: 'Windows Azure Active Directory' },
  { appId: '00000004-0000-0ff1-ce00-000000000000', displayName: 'Skype for Business Online' },
  { appId: '00000009-0000-0000-c000-000000000000', displayName: 'Power BI Service' },
  { appId: '0000000a-0000-0000-c000-000000000000', displayName: 'Microsoft Intune' },
  { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', displayName: 'Microsoft Teams' },
  { appId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', displayName: 'Microsoft Office' },
  { appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', displayName: 'Azure Portal' },
  { appId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', displayName: 'Microsoft Azure CLI' },
  { appId: '1950a258-227b-4e31-a9cf-717495945fc2', displayName: 'Microsoft Azure PowerShell' },
  { appId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2', displayName: 'Office 365 Management APIs' },
  { appId: 'c9a559d2-7aab-4f13-a6ed-e7e9c52aec87', displayName: 'Microsoft Forms' },
  { appId: '09abbdfd-ed23-44ee-a2d9-a627aa1c90f3', displayName: 'Microsoft Planner' },
];

export interface RoleTemplate {
  displayName: string;
  roleTemplateId: string;
  privileged: boolean;
}

const privileged = (displayName: string, roleTemplateId: string): RoleTemplate => ({
  displayName,
  roleTemplateId,
  privileged: true,
});
const ordinary = (displayName: string, roleTemplateId: string): RoleTemplate => ({
  displayName,
  roleTemplateId,
  privileged: false,
});

/** Built-in directory roles; `privileged` is MODEL.md's list. */
export const ROLE_TEMPLATES: readonly RoleTemplate[] = [
  privileged('Global Administrator', '62e90394-69f5-4237-9190-012177145e10'),
  privileged('Privileged Role Administrator', 'e8611ab8-c189-46e8-94e1-60213ab1f814'),
  privileged('Privileged Authentication Administrator', '7be44c8a-adaf-4e2a-84d6-ab2649e08a13'),
  privileged('Security Administrator', '194ae4cb-b126-40b2-bd5b-6091b380977d'),
  privileged('Exchange Administrator', '29232cdf-9323-42fd-ade2-1d097af3e4de'),
  privileged('SharePoint Administrator', 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c'),
  privileged('User Administrator', 'fe930be7-5e62-47db-91af-98c3a49a38b1'),
  privileged('Application Administrator', '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3'),
  privileged('Cloud Application Administrator', '158c047a-c907-4556-b7ef-446551a6b5f7'),
  privileged('Conditional Access Administrator', 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9'),
  privileged('Helpdesk Administrator', '729827e3-9c14-49f7-bb1b-9608f156bbb8'),
  privileged('Authentication Administrator', 'c4e39bd9-1100-46d3-8c65-fb160da0071f'),
  privileged('Billing Administrator', 'b0f54661-2d74-4c50-afa3-1ec803f12efe'),
  ordinary('Global Reader', 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'),
  ordinary('Reports Reader', '4a5d8f65-41da-4de4-8968-e035b65339cf'),
  ordinary('Teams Administrator', '69091246-20e8-4a56-aa4d-066075b2a7a8'),
  ordinary('Message Center Reader', '790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b'),
];

export const roleTemplateNamed = (name: string): RoleTemplate => {
  const found = ROLE_TEMPLATES.find((r) => r.displayName === name);
  if (!found) throw new Error(`microsoft simulator: no role template ${name}`);
  return found;
};

/** Delegated Graph permissions the background's third-party apps draw from (rated by scanner/scope-risk). */
export const DELEGATED_SCOPE_POOLS = {
  basic: ['openid', 'profile', 'email', 'offline_access', 'User.Read'],
  moderate: [
    'Calendars.Read',
    'Contacts.Read',
    'Files.Read',
    'User.ReadBasic.All',
    'People.Read',
    'Tasks.ReadWrite',
  ],
  sensitive: [
    'Mail.Read',
    'Mail.Send',
    'Files.Read.All',
    'Sites.Read.All',
    'Files.ReadWrite.All',
    'Mail.ReadWrite',
  ],
} as const;

/** Graph application permissions third-party and in-house apps hold in the background. */
export const APP_ROLE_POOL: readonly string[] = [
  'User.Read.All',
  'User.ReadBasic.All',
  'Calendars.Read',
  'Group.Read.All',
  'Directory.Read.All',
  'Mail.Read',
  'Files.Read.All',
  'Sites.Read.All',
  'Mail.Send',
];
