/**
 * The scanner's own multi-tenant app registration (registered in the vendor's tenant, consented
 * in the customer's). Its service principal in the simulated tenant holds the application
 * permissions the tokens carry: the token endpoint reads them from its app role assignments,
 * as Entra does, so granting or revoking one is an ordinary tenant mutation.
 */
import { createHash } from 'node:crypto';
import { appRoleOf, GRAPH_APP_ID, MICROSOFT_SERVICES_TENANT, SHAREPOINT_APP_ID } from './catalog.ts';
import { appRoleAssignmentId } from './ids.ts';
import type { AppRoleAssignment, MicrosoftTenant, ServicePrincipal } from './types.ts';

export const SCANNER_APP = {
  appId: '6c1f6d0e-4b2a-4f3e-9a51-7e2d3c4b5a60',
  displayName: 'Periscope Scanner',
  publisher: 'Periscope',
  /** The vendor tenant the app is registered in. */
  ownerTenantId: 'b7e4a2c9-1d3f-4e5a-8b6c-9d0e1f2a3b4c',
  verifiedPublisherId: '6102849',
} as const;

/** The scanner SP's object id in a tenant: stable, so consenting twice gives the same principal. */
export function scannerSpId(tenantId: string): string {
  const hex = createHash('sha256').update(`scanner-sp:${tenantId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function scannerServicePrincipal(tenant: MicrosoftTenant): ServicePrincipal | undefined {
  return tenant.servicePrincipals.find((sp) => sp.appId === SCANNER_APP.appId && !sp.deleted);
}

/** Adds the scanner's service principal (admin consent) with the given roles; idempotent. */
export function provisionScanner(
  tenant: MicrosoftTenant,
  spId: string,
  roles: { graph: readonly string[]; sharepoint: readonly string[] },
  at: string,
): ServicePrincipal {
  let sp = scannerServicePrincipal(tenant);
  if (!sp) {
    sp = {
      index: tenant.servicePrincipals.length,
      id: spId,
      appId: SCANNER_APP.appId,
      displayName: SCANNER_APP.displayName,
      publisherName: SCANNER_APP.publisher,
      verifiedPublisher: {
        displayName: SCANNER_APP.publisher,
        verifiedPublisherId: SCANNER_APP.verifiedPublisherId,
        addedDateTime: '2025-03-01T00:00:00Z',
      },
      appOwnerOrganizationId: SCANNER_APP.ownerTenantId,
      servicePrincipalType: 'Application',
      accountEnabled: true,
      signInAudience: 'AzureADMultipleOrgs',
      tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
      homepage: 'https://periscope.example',
      createdDateTime: at,
      appRoles: [],
      oauth2PermissionScopes: [],
      deleted: false,
    };
    tenant.servicePrincipals.push(sp);
  }
  setScannerRoles(tenant, roles, at);
  return sp;
}

function resourceSp(tenant: MicrosoftTenant, appId: string): ServicePrincipal {
  const sp = tenant.servicePrincipals.find((s) => s.appId === appId);
  if (!sp) throw new Error(`microsoft simulator: no resource service principal ${appId}`);
  return sp;
}

/** Replaces the scanner's application permissions on Microsoft Graph and SharePoint. */
export function setScannerRoles(
  tenant: MicrosoftTenant,
  roles: { graph: readonly string[]; sharepoint: readonly string[] },
  at: string,
): void {
  const sp = scannerServicePrincipal(tenant);
  if (!sp) return;
  tenant.assignments = tenant.assignments.filter((a) => a.principalId !== sp.id);
  const add = (resourceAppId: string, values: readonly string[]) => {
    const resource = resourceSp(tenant, resourceAppId);
    for (const value of values) {
      const role = appRoleOf(resourceAppId, value);
      if (!resource.appRoles.some((r) => r.id === role.id)) resource.appRoles.push({ ...role });
      const assignment: AppRoleAssignment = {
        id: appRoleAssignmentId(sp.id, resource.id, role.id),
        appRoleId: role.id,
        principalId: sp.id,
        resourceId: resource.id,
        createdDateTime: at,
      };
      tenant.assignments.push(assignment);
    }
  };
  add(GRAPH_APP_ID, roles.graph);
  add(SHAREPOINT_APP_ID, roles.sharepoint);
}

/** The role values the scanner's SP holds on a resource app (what its tokens carry). */
export function scannerRoles(tenant: MicrosoftTenant, resourceAppId: string): string[] {
  const sp = scannerServicePrincipal(tenant);
  if (!sp) return [];
  const resource = tenant.servicePrincipals.find((s) => s.appId === resourceAppId);
  if (!resource) return [];
  return tenant.assignments
    .filter((a) => a.principalId === sp.id && a.resourceId === resource.id)
    .map((a) => resource.appRoles.find((r) => r.id === a.appRoleId)?.value)
    .filter((v): v is string => v !== undefined)
    .sort();
}

export const isFirstParty = (sp: ServicePrincipal) => sp.appOwnerOrganizationId === MICROSOFT_SERVICES_TENANT;
