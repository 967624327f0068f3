/**
 * Apps and consent: `/servicePrincipals` (+ `/delta`, `/{id}`, `/{id}/appRoleAssignments`,
 * `/{id}/appRoleAssignedTo`, `/{id}/oauth2PermissionGrants`), `/oauth2PermissionGrants` and
 * `/applications` (credentials with hints; secretText and key always null). Directory
 * collections: $top ≤ 999 or Graph's 400, absolute nextLinks.
 */
import { type DeltaSource, directoryDelta } from './directory-delta.ts';
import {
  APPLICATION_FIELDS,
  ASSIGNMENT_FIELDS,
  GRANT_FIELDS,
  SP_FIELDS,
  serializeApplication,
  serializeAssignment,
  serializeGrant,
  serializeServicePrincipal,
} from './directory-view.ts';
import { type GraphCall, type GraphRoute, PERMISSIONS } from './route-types.ts';
import type { ServicePrincipal } from './types.ts';
import {
  collection,
  type GraphReply,
  matchesFilter,
  notFound,
  offsetPage,
  option,
  pageSize,
  parseEqFilter,
  pick,
  selectFields,
} from './wire.ts';

const DIRECTORY_PAGE = { fallback: 100, max: 999, reject: true };

/** A paged, `$select`-able directory list. */
function listOf(
  call: GraphCall,
  context: string,
  rows: Array<Record<string, unknown>>,
  known: readonly string[],
  type: string,
  filterable: readonly string[] = [],
): GraphReply {
  const fields = selectFields(call.query, known, known, type);
  if (!Array.isArray(fields)) return fields;
  const size = pageSize(call.query, DIRECTORY_PAGE);
  if (typeof size !== 'number') return size;
  const filter = parseEqFilter(option(call.query, 'filter'), filterable);
  if (!Array.isArray(filter)) return filter;
  const matching = rows.filter((r) => matchesFilter(r, filter));
  const page = offsetPage(call.origin, call.path, call.query, matching, size);
  if ('status' in page) return page;
  return {
    status: 200,
    body: collection(
      call.origin,
      context,
      page.page.map((r) => pick(r, fields)),
      page.nextLink ? { '@odata.nextLink': page.nextLink } : {},
    ),
  };
}

const SP_TYPE = 'microsoft.graph.servicePrincipal';
const liveSps = (call: GraphCall) => call.tenant.servicePrincipals.filter((s) => !s.deleted);

function servicePrincipal(call: GraphCall): ServicePrincipal | GraphReply {
  const sp = call.tenant.servicePrincipals.find((s) => !s.deleted && s.id === call.params.id);
  return (
    sp ??
    notFound(
      `Resource '${call.params.id}' does not exist or one of its queried reference-property objects are not present.`,
    )
  );
}

const spDelta: DeltaSource = {
  kind: 'servicePrincipal',
  segment: 'servicePrincipals',
  current: (tenant) => tenant.servicePrincipals.filter((s) => !s.deleted),
  lookup: (tenant, index) => {
    const sp = tenant.servicePrincipals[index];
    return sp && { id: sp.id, deleted: sp.deleted };
  },
  serialize: (tenant, index) =>
    serializeServicePrincipal(tenant.servicePrincipals[index] as ServicePrincipal),
  fields: (call) => selectFields(call.query, SP_FIELDS, SP_FIELDS, SP_TYPE),
};

export const appRoutes: GraphRoute[] = [
  {
    method: 'GET',
    template: '/v1.0/servicePrincipals',
    permissions: PERMISSIONS.applications,
    handle: (call) =>
      listOf(call, 'servicePrincipals', liveSps(call).map(serializeServicePrincipal), SP_FIELDS, SP_TYPE, [
        'appId',
        'displayName',
        'servicePrincipalType',
        'accountEnabled',
        'appOwnerOrganizationId',
      ]),
  },
  {
    method: 'GET',
    template: '/v1.0/servicePrincipals/delta',
    permissions: PERMISSIONS.applications,
    handle: (call) => directoryDelta(call, spDelta),
  },
  {
    method: 'GET',
    template: '/v1.0/servicePrincipals/{id}',
    permissions: PERMISSIONS.applications,
    handle(call) {
      const sp = servicePrincipal(call);
      if ('status' in sp) return sp;
      const fields = selectFields(call.query, SP_FIELDS, SP_FIELDS, SP_TYPE);
      if (!Array.isArray(fields)) return fields;
      return {
        status: 200,
        body: {
          '@odata.context': `${call.origin}/v1.0/$metadata#servicePrincipals/$entity`,
          ...pick(serializeServicePrincipal(sp), fields),
        },
      };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/servicePrincipals/{id}/appRoleAssignments',
    permissions: PERMISSIONS.applications,
    handle(call) {
      const sp = servicePrincipal(call);
      if ('status' in sp) return sp;
      const rows = call.tenant.assignments
        .filter((a) => a.principalId === sp.id)
        .map((a) => serializeAssignment(call.tenant, a));
      return listOf(
        call,
        `servicePrincipals('${sp.id}')/appRoleAssignments`,
        rows,
        ASSIGNMENT_FIELDS,
        'microsoft.graph.appRoleAssignment',
      );
    },
  },
  {
    method: 'GET',
    template: '/v1.0/servicePrincipals/{id}/appRoleAssignedTo',
    permissions: PERMISSIONS.applications,
    handle(call) {
      const sp = servicePrincipal(call);
      if ('status' in sp) return sp;
      const rows = call.tenant.assignments
        .filter((a) => a.resourceId === sp.id)
        .map((a) => serializeAssignment(call.tenant, a));
      return listOf(
        call,
        `servicePrincipals('${sp.id}')/appRoleAssignedTo`,
        rows,
        ASSIGNMENT_FIELDS,
        'microsoft.graph.appRoleAssignment',
      );
    },
  },
  {
    method: 'GET',
    template: '/v1.0/servicePrincipals/{id}/oauth2PermissionGrants',
    permissions: PERMISSIONS.grants,
    handle(call) {
      const sp = servicePrincipal(call);
      if ('status' in sp) return sp;
      const rows = call.tenant.grants.filter((g) => g.clientId === sp.id).map(serializeGrant);
      return listOf(
        call,
        'oauth2PermissionGrants',
        rows,
        GRANT_FIELDS,
        'microsoft.graph.oAuth2PermissionGrant',
      );
    },
  },
  {
    method: 'GET',
    template: '/v1.0/oauth2PermissionGrants',
    permissions: PERMISSIONS.grants,
    handle: (call) =>
      listOf(
        call,
        'oauth2PermissionGrants',
        call.tenant.grants.map(serializeGrant),
        GRANT_FIELDS,
        'microsoft.graph.oAuth2PermissionGrant',
        ['clientId', 'consentType', 'principalId', 'resourceId'],
      ),
  },
  {
    method: 'GET',
    template: '/v1.0/applications',
    permissions: PERMISSIONS.applications,
    handle: (call) =>
      listOf(
        call,
        'applications',
        call.tenant.applications.map((a) => serializeApplication(call.tenant, a)),
        APPLICATION_FIELDS,
        'microsoft.graph.application',
        ['appId', 'displayName'],
      ),
  },
];
