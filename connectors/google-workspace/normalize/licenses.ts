/**
 * Enterprise License Manager `licenseAssignments` → `google-workspace.gemini_license` settings
 * (MODEL.md): one per (user, Gemini product), joined with the directory by primary email for
 * the admin role, 2SV and suspension. The API names users by email only.
 */
import { z } from 'zod';
import { PeriscopeError } from '../../../scanner/errors.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import type { DirectoryUser } from '../client.ts';

const maybeString = z.string().nullish();

const LicenseAssignment = z.object({
  userId: z.string().min(1, 'expected the user’s email'),
  productId: z.string().min(1),
  skuId: z.string().min(1),
  productName: maybeString,
  skuName: maybeString,
});
type LicenseAssignment = z.infer<typeof LicenseAssignment>;

const LicenseAssignmentPage = z.object({
  items: z.array(z.unknown()).nullish(),
  nextPageToken: maybeString,
});

function malformed(endpoint: string, where: string, problem: string): PeriscopeError {
  return new PeriscopeError(
    'malformed_response',
    `google-workspace ${endpoint}: malformed licence assignment list at ${where}: ${problem}`,
    { provider: 'google-workspace', endpoint, field: where },
  );
}

/** Validates one `licensing#licenseAssignmentList` page; errors name the offending field. */
export function parseLicensePage(
  raw: unknown,
  endpoint: string,
): { items: LicenseAssignment[]; nextPageToken: string | undefined } {
  const page = LicenseAssignmentPage.safeParse(raw);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw malformed(
      endpoint,
      (issue?.path ?? []).map(String).join('.') || 'body',
      issue?.message ?? 'invalid',
    );
  }
  const items = (page.data.items ?? []).map((item, i) => {
    const parsed = LicenseAssignment.safeParse(item);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = ['items', String(i), ...(issue?.path ?? []).map(String)].join('.');
    throw malformed(endpoint, field, issue?.message ?? 'invalid');
  });
  return { items, nextPageToken: page.data.nextPageToken || undefined };
}

/** The directory by lower-case primary email, for joining licences to users. */
export function directoryByEmail(users: DirectoryUser[]): Map<string, DirectoryUser> {
  return new Map(users.flatMap((u) => (u.primaryEmail ? [[u.primaryEmail.toLowerCase(), u] as const] : [])));
}

const bool = (value: boolean | null | undefined) => (typeof value === 'boolean' ? value : null);

export function normalizeGeminiLicense(
  license: LicenseAssignment,
  user: DirectoryUser | undefined,
  observedAt: string,
): AssetInput {
  const email = license.userId.toLowerCase();
  // The directory id keeps the key stable across renames; an unknown user keeps its email.
  const userKey = user?.id ?? email;
  const isAdmin = user ? user.isAdmin === true || user.isDelegatedAdmin === true : null;
  return {
    provider: 'google-workspace',
    kind: 'setting',
    externalId: `gemini-license:${userKey}:${license.productId}`,
    name: email,
    url: null,
    observedAt,
    settingType: 'google-workspace.gemini_license',
    scope: 'object',
    values: {
      userId: user?.id ?? null,
      email,
      productId: license.productId,
      productName: license.productName ?? null,
      skuId: license.skuId,
      skuName: license.skuName ?? null,
      isAdmin,
      enrolledIn2Sv: bool(user?.isEnrolledIn2Sv),
      suspended: user ? user.suspended === true : null,
      archived: user ? user.archived === true : null,
    },
  };
}
