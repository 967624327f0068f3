/**
 * Admin SDK Directory API: `users.list` (offset pages behind an opaque token, maxResults ≤ 500,
 * default 100) and `tokens.list` (no pagination, every grant in one response). Both need an
 * admin subject; `tokens.list` needs `admin.directory.user.security`, which has no read-only
 * variant.
 */
import type { GoogleRoute } from './route-types.ts';
import type { GoogleUser } from './types.ts';
import {
  badRequest,
  decodePageToken,
  encodePageToken,
  googleError,
  masked,
  notFound,
  pageSize,
} from './wire.ts';

const SCOPE = 'https://www.googleapis.com/auth/admin.directory.';
const USERS_READ = [`${SCOPE}user.readonly`, `${SCOPE}user`];
const SECURITY = [`${SCOPE}user.security`];

const etag = (seed: string) => `"sim-${Buffer.from(seed).toString('base64url').slice(0, 24)}"`;

function serializeUser(user: GoogleUser, customerId: string, full: boolean) {
  const body: Record<string, unknown> = {
    kind: 'admin#directory#user',
    id: user.id,
    etag: etag(`${user.id}${user.suspended}${user.isEnrolledIn2Sv}`),
    primaryEmail: user.primaryEmail,
    name: {
      givenName: user.givenName,
      familyName: user.familyName,
      fullName: `${user.givenName} ${user.familyName}`,
    },
    isAdmin: user.isAdmin,
    isDelegatedAdmin: user.isDelegatedAdmin,
    lastLoginTime: user.lastLoginTime,
    creationTime: user.creationTime,
    agreedToTerms: true,
    suspended: user.suspended,
    archived: user.archived,
    changePasswordAtNextLogin: false,
    ipWhitelisted: false,
    emails: [{ address: user.primaryEmail, primary: true }],
    customerId,
    orgUnitPath: user.orgUnitPath,
    isMailboxSetup: true,
    isEnrolledIn2Sv: user.isEnrolledIn2Sv,
    isEnforcedIn2Sv: user.isEnforcedIn2Sv,
    includeInGlobalAddressList: true,
  };
  if (user.suspended) body.suspensionReason = 'ADMIN';
  if (full) body.customSchemas = {};
  return body;
}

export const requireAdmin = (subject: GoogleUser | undefined) =>
  subject?.isAdmin || subject?.isDelegatedAdmin
    ? undefined
    : googleError(403, 'forbidden', 'Not Authorized to access this resource/api');

export const directoryRoutes: GoogleRoute[] = [
  {
    method: 'GET',
    template: '/admin/directory/v1/users',
    scopes: USERS_READ,
    handle({ query, grant, tenant }) {
      const denied = requireAdmin(grant.subject);
      if (denied) return denied;
      const customer = query.get('customer');
      const domain = query.get('domain');
      if (!customer && !domain) return badRequest('Bad Request');
      if (customer && customer !== 'my_customer' && customer !== tenant.customerId) {
        return googleError(400, 'badRequest', 'Bad Request');
      }
      if (domain && domain !== tenant.domain)
        return googleError(403, 'forbidden', 'Not Authorized to access this resource/api');
      const size = pageSize(query.get('maxResults'), 100, 500);
      if (typeof size !== 'number') return size;
      const token = query.get('pageToken');
      const state = decodePageToken(token);
      if (token && typeof state?.offset !== 'number') return badRequest('Invalid Input: pageToken');
      const offset = (state?.offset as number | undefined) ?? 0;
      const showDeleted = query.get('showDeleted') === 'true';
      const all = showDeleted ? [] : tenant.users;
      const page = all.slice(offset, offset + size);
      const full = query.get('projection') === 'full';
      const body: Record<string, unknown> = {
        kind: 'admin#directory#users',
        etag: etag(`users${offset}`),
        users: page.map((user) => serializeUser(user, tenant.customerId, full)),
      };
      if (offset + size < all.length) body.nextPageToken = encodePageToken({ offset: offset + size });
      return { status: 200, body: masked(body, query.get('fields'), '*') };
    },
  },
  {
    method: 'GET',
    template: '/admin/directory/v1/users/{userKey}/tokens',
    scopes: SECURITY,
    handle({ params, query, grant, tenant, auth }) {
      const denied = requireAdmin(grant.subject);
      if (denied) return denied;
      const user = auth.findUser(params.userKey ?? '');
      if (!user) return notFound('Resource Not Found: userKey');
      const items = (tenant.grants.get(user.index) ?? []).map((token) => ({
        kind: 'admin#directory#token',
        etag: etag(`${user.id}${token.clientId}`),
        clientId: token.clientId,
        displayText: token.displayText,
        anonymous: token.anonymous,
        nativeApp: token.nativeApp,
        userKey: user.id,
        scopes: [...token.scopes],
      }));
      const body = { kind: 'admin#directory#tokenList', etag: etag(`tokens${user.id}`), items };
      return { status: 200, body: masked(body, query.get('fields'), '*') };
    },
  },
];
