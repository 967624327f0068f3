/**
 * What a Graph route declares and receives. `permissions` lists the application permissions any
 * one of which admits the call (the "least privileged" and "higher privileged" columns of the
 * docs); the dispatcher answers 403 for the rest — directory APIs with Authorization_RequestDenied,
 * SharePoint-backed ones (sites, drives) with accessDenied — so the scanner's permission set is
 * tested. `identity` routes are metered in resource units.
 */
import type { AccessGrant, MicrosoftAuthState } from './auth.ts';
import type { MicrosoftTenant } from './types.ts';
import type { GraphReply } from './wire.ts';

export interface ServerSettings {
  /** `items/{id}/content` answers 302 to a download URL (true, Graph's behaviour) or the bytes. */
  contentRedirect: boolean;
}

export interface ServerState {
  auth: MicrosoftAuthState;
  settings: ServerSettings;
  /** Pre-authenticated download URLs (`tempauth`) → item slot and expiry. */
  downloads: Map<string, { item: number; expiresAt: number }>;
}

export interface GraphCall {
  method: string;
  /** Request path, `/v1.0/…`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  grant: AccessGrant;
  tenant: MicrosoftTenant;
  origin: string;
  server: ServerState;
}

export interface GraphRoute {
  method: 'GET' | 'POST';
  template: string;
  permissions: readonly string[];
  /** Which 403 Graph answers without a permission. Default 'directory'. */
  denied?: 'directory' | 'files';
  handle(call: GraphCall): GraphReply;
}

/** Permission sets shared by several routes. */
export const PERMISSIONS = {
  users: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  organization: [
    'Organization.Read.All',
    'Organization.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  roles: [
    'RoleManagement.Read.Directory',
    'Directory.Read.All',
    'RoleManagement.ReadWrite.Directory',
    'Directory.ReadWrite.All',
  ],
  registrationReport: ['AuditLog.Read.All'],
  applications: [
    'Application.Read.All',
    'Application.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  grants: ['Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'],
  authorizationPolicy: ['Policy.Read.All', 'Policy.ReadWrite.Authorization'],
  consentRequestPolicy: ['Policy.Read.All', 'Policy.ReadWrite.ConsentRequest'],
  sharepointSettings: ['SharePointTenantSettings.Read.All', 'SharePointTenantSettings.ReadWrite.All'],
  sites: ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  files: [
    'Files.Read.All',
    'Files.ReadWrite.All',
    'Sites.Read.All',
    'Sites.ReadWrite.All',
    'Sites.Manage.All',
    'Sites.FullControl.All',
  ],
} as const;
