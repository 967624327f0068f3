/**
 * Enterprise License Manager API (licensing v1): `licenseAssignments.listForProduct` and
 * `listForProductAndSku`. Admins only, `apps.licensing` (no read-only variant), `customerId`
 * required — the customer id, or the primary domain as an older version took it; `my_customer`
 * is not documented there and is refused. maxResults 1–1000 (default 100; out of range is a
 * 400), offset page tokens, and an unknown product or SKU answers 400 as Google does.
 */
import { findSku, LICENSE_CATALOG } from './licenses.ts';
import type { GoogleCall, GoogleRoute } from './route-types.ts';
import { requireAdmin } from './routes-directory.ts';
import type { GoogleLicenseAssignment } from './types.ts';
import {
  badRequest,
  decodePageToken,
  encodePageToken,
  type GoogleReply,
  googleError,
  masked,
} from './wire.ts';

export const LICENSING_SCOPE = 'https://www.googleapis.com/auth/apps.licensing';

const SELF_LINK_ROOT = 'https://licensing.googleapis.com/apps/licensing/v1';

const etag = (seed: string) => `"sim-${Buffer.from(seed).toString('base64url').slice(0, 24)}"`;

function listAssignments(
  { params, query, grant, tenant }: GoogleCall,
  matches: (license: GoogleLicenseAssignment) => boolean,
): GoogleReply {
  const denied = requireAdmin(grant.subject);
  if (denied) return denied;
  const productId = params.productId ?? '';
  if (!LICENSE_CATALOG.has(productId)) return googleError(400, 'invalid', `Invalid productId: ${productId}`);
  const customerId = query.get('customerId');
  if (!customerId) return googleError(400, 'required', 'Required parameter: customerId');
  if (customerId !== tenant.customerId && customerId.toLowerCase() !== tenant.domain) {
    return googleError(400, 'invalid', 'Invalid customerId');
  }
  const rawMax = query.get('maxResults');
  const size = rawMax === null || rawMax === '' ? 100 : Number(rawMax);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    return badRequest(`Invalid value '${rawMax}'. Values must be within the range: [1, 1000]`);
  }
  const token = query.get('pageToken');
  const state = decodePageToken(token);
  if (token && typeof state?.offset !== 'number') return badRequest('Invalid value for: pageToken');
  const offset = (state?.offset as number | undefined) ?? 0;

  const all = tenant.licenses.filter((l) => l.productId === productId && matches(l));
  const page = all.slice(offset, offset + size);
  const items = page.flatMap((license) => {
    const user = tenant.users[license.user];
    const sku = findSku(license.productId, license.skuId);
    if (!user || !sku) return [];
    return [
      {
        kind: 'licensing#licenseAssignment',
        etags: etag(`${license.productId}${license.skuId}${user.id}`),
        selfLink: `${SELF_LINK_ROOT}/product/${sku.productId}/sku/${sku.skuId}/user/${encodeURIComponent(user.primaryEmail)}`,
        userId: user.primaryEmail,
        productId: sku.productId,
        productName: sku.productName,
        skuId: sku.skuId,
        skuName: sku.skuName,
      },
    ];
  });
  const body: Record<string, unknown> = {
    kind: 'licensing#licenseAssignmentList',
    etag: etag(`licenses${productId}${offset}`),
  };
  if (items.length > 0) body.items = items;
  if (offset + size < all.length) body.nextPageToken = encodePageToken({ offset: offset + size });
  return { status: 200, body: masked(body, query.get('fields'), '*') };
}

export const licensingRoutes: GoogleRoute[] = [
  {
    method: 'GET',
    template: '/apps/licensing/v1/product/{productId}/users',
    scopes: [LICENSING_SCOPE],
    handle: (call) => listAssignments(call, () => true),
  },
  {
    method: 'GET',
    template: '/apps/licensing/v1/product/{productId}/sku/{skuId}/users',
    scopes: [LICENSING_SCOPE],
    handle(call) {
      const { productId = '', skuId = '' } = call.params;
      if (LICENSE_CATALOG.has(productId) && !findSku(productId, skuId)) {
        return googleError(400, 'invalid', `Invalid skuId: ${skuId}`);
      }
      return listAssignments(call, (license) => license.skuId === skuId);
    },
  },
];
