/**
 * The Google simulator's Enterprise License Manager API, called through the real googleapis
 * `licensing` client: envelope and item shape, page sizes and tokens, the customer id it takes,
 * per-SKU listing, and Google's errors for bad input, a missing scope and a non-admin caller.
 */
import { licensing } from 'googleapis/build/src/apis/licensing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GEMINI_LICENSE_SKUS,
  type GoogleSimulator,
  LICENSING_SCOPE,
  startGoogleSimulator,
} from '../../../sandbox/index.ts';
import { jwtFor, reasonOf, rejectionOf, SCOPES } from '../../sandbox/google-support.ts';

describe('Google simulator License Manager API', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({
      seed: 5,
      size: { users: 260, filesPerUser: 0, sharedDrives: 0, tokensPerUser: 0, geminiLicenseShare: 1 },
    });
  });
  afterAll(() => sim.close());

  const api = (subject = sim.adminEmail, scopes = [LICENSING_SCOPE]) =>
    licensing({ version: 'v1', auth: jwtFor(sim, subject, scopes), rootUrl: `${sim.origin}/` });
  const emailsOf = (productId: string, skuId?: string) =>
    sim.tenant.licenses
      .filter((l) => l.productId === productId && (!skuId || l.skuId === skuId))
      .map((l) => sim.tenant.users[l.user]?.primaryEmail);

  it('pages listForProduct 100 at a time by default, every assignment once', async () => {
    const client = api();
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { data } = await client.licenseAssignments.listForProduct({
        productId: '101047',
        customerId: sim.customerId,
        pageToken,
      });
      expect(data.kind).toBe('licensing#licenseAssignmentList');
      expect(data.items?.length).toBeLessThanOrEqual(100);
      seen.push(...(data.items ?? []).map((i) => i.userId ?? ''));
      pageToken = data.nextPageToken ?? undefined;
      pages += 1;
    } while (pageToken);
    const expected = emailsOf('101047');
    expect(expected.length).toBeGreaterThan(200);
    expect(pages).toBe(Math.ceil(expected.length / 100));
    expect(seen).toEqual(expected);
  });

  it('serves each assignment with the documented fields', async () => {
    const { data } = await api().licenseAssignments.listForProduct({
      productId: '101068',
      customerId: sim.customerId,
      maxResults: 1,
    });
    const item = data.items?.[0] ?? {};
    expect(Object.keys(item).sort()).toEqual(
      ['etags', 'kind', 'productId', 'productName', 'selfLink', 'skuId', 'skuName', 'userId'].sort(),
    );
    expect(item).toMatchObject({
      kind: 'licensing#licenseAssignment',
      productId: '101068',
      productName: 'Gemini Business',
      skuId: '1010680001',
      skuName: 'Gemini Enterprise Business Edition',
    });
    expect(item.selfLink).toBe(
      `https://licensing.googleapis.com/apps/licensing/v1/product/101068/sku/1010680001/user/${encodeURIComponent(item.userId ?? '')}`,
    );
  });

  it('lists one SKU with listForProductAndSku, and takes the primary domain as customerId', async () => {
    const sku = GEMINI_LICENSE_SKUS.aiUltra;
    const { data } = await api().licenseAssignments.listForProductAndSku({
      productId: sku.productId,
      skuId: sku.skuId,
      customerId: sim.domain,
      maxResults: 1000,
    });
    const expected = emailsOf(sku.productId, sku.skuId);
    expect(expected.length).toBeGreaterThan(0);
    expect((data.items ?? []).map((i) => i.userId)).toEqual(expected);
    expect(new Set((data.items ?? []).map((i) => i.skuName))).toEqual(new Set([sku.skuName]));
  });

  it.each([
    ['maxResults 0', { productId: '101047', maxResults: 0 }, 'Values must be within the range: [1, 1000]'],
    [
      'maxResults 1001',
      { productId: '101047', maxResults: 1001 },
      'Values must be within the range: [1, 1000]',
    ],
    ['an unknown product', { productId: '1010470001' }, 'Invalid productId: 1010470001'],
    ['my_customer', { productId: '101047', customerId: 'my_customer' }, 'Invalid customerId'],
    ['a garbled page token', { productId: '101047', pageToken: 'nope' }, 'pageToken'],
  ])('answers 400 for %s', async (_label, params, message) => {
    const error = await rejectionOf(
      api().licenseAssignments.listForProduct({ customerId: sim.customerId, ...params }),
    );
    expect(error.response?.status).toBe(400);
    expect(JSON.stringify(error.response?.data)).toContain(message);
  });

  it('answers 400 for a SKU the product does not have', async () => {
    const error = await rejectionOf(
      api().licenseAssignments.listForProductAndSku({
        productId: '101047',
        skuId: '1010020028',
        customerId: sim.customerId,
      }),
    );
    expect(error.response?.status).toBe(400);
    expect(JSON.stringify(error.response?.data)).toContain('Invalid skuId');
  });

  it('refuses a token without apps.licensing and a caller who is not an admin', async () => {
    const scopeless = await rejectionOf(
      api(sim.adminEmail, [SCOPES.users]).licenseAssignments.listForProduct({
        productId: '101047',
        customerId: sim.customerId,
      }),
    );
    expect(scopeless.response?.status).toBe(403);
    expect(reasonOf(scopeless)).toBe('insufficientPermissions');

    const user = sim.tenant.users.find((u) => !u.isAdmin && !u.isDelegatedAdmin && !u.suspended);
    const denied = await rejectionOf(
      api(user?.primaryEmail).licenseAssignments.listForProduct({
        productId: '101047',
        customerId: sim.customerId,
      }),
    );
    expect(denied.response?.status).toBe(403);
    expect(reasonOf(denied)).toBe('forbidden');
  });
});
