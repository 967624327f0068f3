/**
 * Directory reads: `/organization`, `/users` ($select with Graph's default set, $top ≤ 999 — ≤ 500
 * with signInActivity, which also needs AuditLog.Read.All and a premium tenant — a small $filter
 * and $count), `/users/delta`, the MFA registration report, and `/directoryRoles` (`$expand=members`
 * returns at most 20 members per role, as Graph does for directory objects; `/members` pages).
 */
import { type DeltaSource, directoryDelta } from './directory-delta.ts';
import {
  REGISTRATION_FIELDS,
  serializeMember,
  serializeRegistration,
  serializeUser,
  USER_DEFAULT_FIELDS,
  USER_FIELDS,
} from './directory-view.ts';
import { type GraphCall, type GraphRoute, PERMISSIONS } from './route-types.ts';
import type { DirectoryRole, MsUser } from './types.ts';
import {
  badRequest,
  collection,
  type GraphReply,
  insufficientPrivileges,
  matchesFilter,
  nonPremium,
  notFound,
  offsetPage,
  option,
  pageSize,
  parseEqFilter,
  pick,
  selectFields,
} from './wire.ts';

const USER_TYPE = 'microsoft.graph.user';
/** Members Graph returns inside `$expand` on directory objects. */
export const EXPAND_MEMBER_CAP = 20;

function countOption(call: GraphCall): boolean | GraphReply {
  if (option(call.query, 'count') !== 'true') return false;
  if ((call.headers.consistencylevel ?? '').toLowerCase() !== 'eventual') {
    return badRequest(
      "$count is not currently supported. Add the 'ConsistencyLevel: eventual' header to use advanced queries.",
      'Request_UnsupportedQuery',
    );
  }
  return true;
}

const liveUsers = (call: GraphCall) => call.tenant.users.filter((u) => !u.deleted);

function listUsers(call: GraphCall): GraphReply {
  const fields = selectFields(call.query, USER_FIELDS, USER_DEFAULT_FIELDS, USER_TYPE);
  if (!Array.isArray(fields)) return fields;
  const signIn = fields.includes('signInActivity');
  if (signIn) {
    if (!call.grant.roles.has('AuditLog.Read.All')) return insufficientPrivileges();
    if (!call.tenant.premium) return nonPremium();
  }
  const size = pageSize(call.query, { fallback: 100, max: signIn ? 500 : 999, reject: true });
  if (typeof size !== 'number') return size;
  const filter = parseEqFilter(option(call.query, 'filter'), [
    'userType',
    'accountEnabled',
    'mail',
    'userPrincipalName',
  ]);
  if (!Array.isArray(filter)) return filter;
  const count = countOption(call);
  if (typeof count !== 'boolean') return count;
  const all = liveUsers(call)
    .map((u) => serializeUser(u, signIn))
    .filter((u) => matchesFilter(u, filter));
  const page = offsetPage(call.origin, call.path, call.query, all, size);
  if ('status' in page) return page;
  const extra: Record<string, unknown> = {};
  if (count) extra['@odata.count'] = all.length;
  if (page.nextLink) extra['@odata.nextLink'] = page.nextLink;
  const context = option(call.query, 'select') ? `users(${fields.join(',')})` : 'users';
  return {
    status: 200,
    body: collection(
      call.origin,
      context,
      page.page.map((u) => pick(u, fields)),
      extra,
    ),
  };
}

const userDelta: DeltaSource = {
  kind: 'user',
  segment: 'users',
  current: (tenant) => tenant.users.filter((u) => !u.deleted),
  lookup: (tenant, index) => {
    const user = tenant.users[index];
    return user && { id: user.id, deleted: user.deleted };
  },
  serialize: (tenant, index) => serializeUser(tenant.users[index] as MsUser, false),
  fields: (call) =>
    selectFields(
      call.query,
      USER_FIELDS.filter((f) => f !== 'signInActivity'),
      USER_DEFAULT_FIELDS,
      USER_TYPE,
    ),
};

function roleBody(call: GraphCall, role: DirectoryRole, expand: boolean) {
  const body: Record<string, unknown> = {
    id: role.id,
    deletedDateTime: null,
    description: `Members of the ${role.displayName} role.`,
    displayName: role.displayName,
    roleTemplateId: role.roleTemplateId,
  };
  if (expand) {
    body.members = role.members
      .map((m) => call.tenant.users[m])
      .filter((u): u is MsUser => u !== undefined && !u.deleted)
      .slice(0, EXPAND_MEMBER_CAP)
      .map(serializeMember);
  }
  return body;
}

/** Roles are activated once first assigned; the Global Administrator role always is. */
const activatedRoles = (call: GraphCall) =>
  call.tenant.roles.filter((r, i) => i === 0 || r.members.some((m) => !call.tenant.users[m]?.deleted));

export const directoryRoutes: GraphRoute[] = [
  {
    method: 'GET',
    template: '/v1.0/organization',
    permissions: PERMISSIONS.organization,
    handle({ tenant, origin }) {
      return {
        status: 200,
        body: collection(origin, 'organization', [
          {
            id: tenant.tenantId,
            deletedDateTime: null,
            createdDateTime: tenant.createdDateTime,
            displayName: tenant.displayName,
            tenantType: 'AAD',
            countryLetterCode: 'US',
            preferredLanguage: 'en',
            verifiedDomains: [
              {
                capabilities: 'Email, OfficeCommunicationsOnline',
                isDefault: true,
                isInitial: false,
                name: tenant.domain,
                type: 'Managed',
              },
              {
                capabilities: 'Email, OfficeCommunicationsOnline',
                isDefault: false,
                isInitial: true,
                name: tenant.initialDomain,
                type: 'Managed',
              },
            ],
          },
        ]),
      };
    },
  },
  { method: 'GET', template: '/v1.0/users', permissions: PERMISSIONS.users, handle: listUsers },
  {
    method: 'GET',
    template: '/v1.0/users/delta',
    permissions: PERMISSIONS.users,
    handle: (call) => directoryDelta(call, userDelta),
  },
  {
    method: 'GET',
    template: '/v1.0/users/{id}',
    permissions: PERMISSIONS.users,
    handle(call) {
      const key = call.params.id?.toLowerCase() ?? '';
      const user = call.tenant.users.find(
        (u) => !u.deleted && (u.id === key || u.userPrincipalName.toLowerCase() === key),
      );
      if (!user)
        return notFound(
          `Resource '${call.params.id}' does not exist or one of its queried reference-property objects are not present.`,
        );
      const fields = selectFields(call.query, USER_FIELDS, USER_DEFAULT_FIELDS, USER_TYPE);
      if (!Array.isArray(fields)) return fields;
      const signIn = fields.includes('signInActivity');
      if (signIn && !call.grant.roles.has('AuditLog.Read.All')) return insufficientPrivileges();
      if (signIn && !call.tenant.premium) return nonPremium();
      return {
        status: 200,
        body: {
          '@odata.context': `${call.origin}/v1.0/$metadata#users/$entity`,
          ...pick(serializeUser(user, signIn), fields),
        },
      };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/reports/authenticationMethods/userRegistrationDetails',
    permissions: PERMISSIONS.registrationReport,
    handle(call) {
      if (!call.tenant.premium) return nonPremium();
      const fields = selectFields(
        call.query,
        REGISTRATION_FIELDS,
        REGISTRATION_FIELDS,
        'microsoft.graph.userRegistrationDetails',
      );
      if (!Array.isArray(fields)) return fields;
      const size = pageSize(call.query, { fallback: 100, max: 999, reject: false });
      if (typeof size !== 'number') return size;
      const filter = parseEqFilter(option(call.query, 'filter'), [
        'isAdmin',
        'isMfaRegistered',
        'isMfaCapable',
        'userType',
      ]);
      if (!Array.isArray(filter)) return filter;
      const rows = liveUsers(call)
        .map((u) => serializeRegistration(call.tenant, u))
        .filter((r) => matchesFilter(r, filter));
      const page = offsetPage(call.origin, call.path, call.query, rows, size);
      if ('status' in page) return page;
      return {
        status: 200,
        body: collection(
          call.origin,
          'reports/authenticationMethods/userRegistrationDetails',
          page.page.map((r) => pick(r, fields)),
          page.nextLink ? { '@odata.nextLink': page.nextLink } : {},
        ),
      };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/directoryRoles',
    permissions: PERMISSIONS.roles,
    handle(call) {
      const expand = option(call.query, 'expand');
      if (expand && expand.trim() !== 'members')
        return badRequest(
          `Could not find a property named '${expand}' on type 'microsoft.graph.directoryRole'.`,
          'Request_BadRequest',
        );
      const roles = activatedRoles(call).map((r) => roleBody(call, r, expand !== null));
      return { status: 200, body: collection(call.origin, 'directoryRoles', roles) };
    },
  },
  {
    method: 'GET',
    template: '/v1.0/directoryRoles/{id}/members',
    permissions: PERMISSIONS.roles,
    handle(call) {
      const role = call.tenant.roles.find(
        (r) =>
          r.id === call.params.id || r.roleTemplateId === call.params.id?.replace(/^roleTemplateId=/, ''),
      );
      if (!role)
        return notFound(
          `Resource '${call.params.id}' does not exist or one of its queried reference-property objects are not present.`,
        );
      const size = pageSize(call.query, { fallback: 100, max: 999, reject: true });
      if (typeof size !== 'number') return size;
      const members = role.members
        .map((m) => call.tenant.users[m])
        .filter((u): u is MsUser => u !== undefined && !u.deleted)
        .map(serializeMember);
      const page = offsetPage(call.origin, call.path, call.query, members, size);
      if ('status' in page) return page;
      return {
        status: 200,
        body: collection(
          call.origin,
          'directoryObjects',
          page.page,
          page.nextLink ? { '@odata.nextLink': page.nextLink } : {},
        ),
      };
    },
  },
];
