/**
 * Who holds a Gemini / Google AI licence: Enterprise License Manager `listForProduct` for each
 * Gemini product, joined with the directory the other streams already listed (one listing per
 * scan, shared through `client.users()`). Its own scope: a delegation without `apps.licensing`
 * takes out this stream only.
 */
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError, StreamUnavailableError } from '../../../scanner/errors.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import type { DirectoryUser, GoogleWorkspaceClient } from '../client.ts';
import type { GoogleWorkspaceCredentials } from '../credentials.ts';
import { directoryByEmail, normalizeGeminiLicense, parseLicensePage } from '../normalize/licenses.ts';
import { SCOPES } from '../scopes.ts';

/**
 * Product ids from Google's "Products and SKUs" list (MODEL.md): `101047` Gemini (Gemini
 * Enterprise/Business, AI Security, AI Meetings and Messaging, Google AI Ultra for Business …)
 * and `101068` Gemini Business (Gemini Enterprise Business Edition).
 */
const GEMINI_PRODUCT_IDS = ['101047', '101068'] as const;

const PAGE_SIZE = 1000;
const FIELDS = 'nextPageToken,items(userId,productId,productName,skuId,skuName)';

export const geminiLicensesStream = defineStream<GoogleWorkspaceCredentials, GoogleWorkspaceClient>({
  name: 'gemini-licenses',
  kinds: ['setting'],
  async *collect(ctx) {
    const { client } = ctx;
    const observedAt = new Date().toISOString();
    const users = await client.users();
    const customerId = licensingCustomerId(client, users);
    const directory = directoryByEmail(users);
    const session = client.asAdmin([SCOPES.licensing]);
    const api = session.licensing();
    for (const productId of GEMINI_PRODUCT_IDS) {
      const endpoint = `GET /apps/licensing/v1/product/${productId}/users`;
      let pageToken: string | undefined;
      do {
        const raw = await session
          .call(endpoint, () =>
            api.licenseAssignments.listForProduct({
              productId,
              customerId,
              maxResults: PAGE_SIZE,
              pageToken,
              fields: FIELDS,
            }),
          )
          .catch((error: unknown) => {
            throw refusal(error, client.adminEmail);
          });
        const page = parseLicensePage(raw, endpoint);
        const assets: AssetInput[] = page.items.map((license) =>
          normalizeGeminiLicense(license, directory.get(license.userId.toLowerCase()), observedAt),
        );
        if (assets.length > 0) yield { assets };
        pageToken = page.nextPageToken;
      } while (pageToken);
    }
  },
});

/**
 * The License Manager wants the customer id itself (`my_customer` is a Directory alias); with
 * the default config it comes from the directory's users, which carry it.
 */
function licensingCustomerId(client: GoogleWorkspaceClient, users: DirectoryUser[]): string {
  if (client.customer !== 'my_customer') return client.customer;
  const known = users.find((u) => u.customerId)?.customerId;
  if (known) return known;
  throw new StreamUnavailableError(
    'customer_id_unknown',
    'google-workspace: the directory did not report the customer id the License Manager API needs; set customerId (Admin console > Account > Account settings)',
  );
}

/** A 403 here is a missing scope in the admin's consent or a missing License Management privilege. */
function refusal(error: unknown, adminEmail: string): unknown {
  if (!isPeriscopeError(error) || error.code !== 'permission_denied') return error;
  return new StreamUnavailableError(
    'licensing_not_permitted',
    `google-workspace: the Enterprise License Manager API refused ${adminEmail} (${error.message}); it needs the ${SCOPES.licensing} scope and an admin with the License Management privilege`,
  );
}
