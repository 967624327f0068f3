/**
 * Licence assignments behind the Enterprise License Manager API: the product and SKU ids Google
 * publishes (developers.google.com/workspace/admin/licensing/v1/how-tos/products), a base
 * Workspace licence for every user and a Gemini / Google AI licence for a share of them.
 * Assignments point at users by index, so a rename shows up in `userId` as it would at Google.
 */
import type { Random } from '../random.ts';
import type { GoogleLicenseAssignment, GoogleUser } from './types.ts';

export interface LicenseSku {
  productId: string;
  productName: string;
  skuId: string;
  skuName: string;
}

const GEMINI = { productId: '101047', productName: 'Gemini' };
const GEMINI_BUSINESS = { productId: '101068', productName: 'Gemini Business' };
const WORKSPACE = { productId: 'Google-Apps', productName: 'Google Workspace' };

/** The Gemini / Google AI SKUs a Workspace customer can assign to users. */
export const GEMINI_LICENSE_SKUS = {
  enterprise: { ...GEMINI, skuId: '1010470001', skuName: 'Gemini Enterprise' },
  labs: { ...GEMINI, skuId: '1010470002', skuName: 'Gemini Labs' },
  business: { ...GEMINI, skuId: '1010470003', skuName: 'Gemini Business' },
  aiSecurity: { ...GEMINI, skuId: '1010470006', skuName: 'AI Security' },
  aiMeetings: { ...GEMINI, skuId: '1010470007', skuName: 'AI Meetings and Messaging' },
  aiUltra: { ...GEMINI, skuId: '1010470008', skuName: 'Google AI Ultra for Business' },
  aiExpanded: { ...GEMINI, skuId: '1010470009', skuName: 'AI Expanded Access' },
  enterpriseBusiness: {
    ...GEMINI_BUSINESS,
    skuId: '1010680001',
    skuName: 'Gemini Enterprise Business Edition',
  },
} as const satisfies Record<string, LicenseSku>;

export const WORKSPACE_SKUS = {
  businessStandard: { ...WORKSPACE, skuId: '1010020028', skuName: 'Google Workspace Business Standard' },
  enterprisePlus: {
    ...WORKSPACE,
    skuId: '1010020020',
    skuName: 'Google Workspace Enterprise Plus (formerly G Suite Enterprise)',
  },
} as const satisfies Record<string, LicenseSku>;

/** Product ids whose licences give a user Gemini (what the scanner lists). */
export const GEMINI_LICENSE_PRODUCT_IDS: readonly string[] = [GEMINI.productId, GEMINI_BUSINESS.productId];

/** Every SKU the simulated License Manager knows, by product id. */
export const LICENSE_CATALOG: ReadonlyMap<string, readonly LicenseSku[]> = (() => {
  const byProduct = new Map<string, LicenseSku[]>();
  for (const sku of [...Object.values(WORKSPACE_SKUS), ...Object.values(GEMINI_LICENSE_SKUS)]) {
    byProduct.set(sku.productId, [...(byProduct.get(sku.productId) ?? []), sku]);
  }
  return byProduct;
})();

export function findSku(productId: string, skuId: string): LicenseSku | undefined {
  return LICENSE_CATALOG.get(productId)?.find((sku) => sku.skuId === skuId);
}

export const isGeminiLicense = (license: GoogleLicenseAssignment) =>
  GEMINI_LICENSE_PRODUCT_IDS.includes(license.productId);

/** How often each Gemini SKU is drawn for a licensed background user (the usual ones first). */
const GEMINI_MIX: ReadonlyArray<[LicenseSku, number]> = [
  [GEMINI_LICENSE_SKUS.business, 0.35],
  [GEMINI_LICENSE_SKUS.enterprise, 0.3],
  [GEMINI_LICENSE_SKUS.enterpriseBusiness, 0.1],
  [GEMINI_LICENSE_SKUS.aiMeetings, 0.1],
  [GEMINI_LICENSE_SKUS.aiSecurity, 0.05],
  [GEMINI_LICENSE_SKUS.aiUltra, 0.05],
  [GEMINI_LICENSE_SKUS.aiExpanded, 0.05],
];

function drawGeminiSku(random: Random): LicenseSku {
  let roll = random.next();
  for (const [sku, weight] of GEMINI_MIX) {
    roll -= weight;
    if (roll < 0) return sku;
  }
  return GEMINI_LICENSE_SKUS.business;
}

/**
 * Every user holds a Workspace edition; a `geminiShare` of the users from `firstUser` on (the
 * personas before it get theirs from planting) also holds one Gemini SKU.
 */
export function generateLicenses(
  random: Random,
  users: readonly GoogleUser[],
  geminiShare: number,
  firstUser: number,
): GoogleLicenseAssignment[] {
  const licenses: GoogleLicenseAssignment[] = [];
  for (const user of users) {
    const edition = user.index === 0 ? WORKSPACE_SKUS.enterprisePlus : WORKSPACE_SKUS.businessStandard;
    licenses.push({ user: user.index, productId: edition.productId, skuId: edition.skuId });
    const gemini = user.index >= firstUser && random.chance(geminiShare);
    // Drawn for every user, so the share changes which users are licensed, not their SKUs.
    const sku = drawGeminiSku(random);
    if (gemini) licenses.push({ user: user.index, productId: sku.productId, skuId: sku.skuId });
  }
  return licenses;
}
