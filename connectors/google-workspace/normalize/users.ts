/** Directory users → identity assets (MODEL.md). */
import type { AssetInput } from '../../../scanner/model.ts';
import type { DirectoryUser } from '../client.ts';

/** Google reports "never signed in" as the epoch, not null (research §0.7). */
export const NEVER_SIGNED_IN = '1970-01-01T00:00:00.000Z';

export function isNeverSignedIn(lastLoginTime: string | null | undefined): boolean {
  return !lastLoginTime || Date.parse(lastLoginTime) <= 0;
}

export function normalizeUser(user: DirectoryUser, observedAt: string): AssetInput {
  if (!user.id || !user.primaryEmail) {
    throw new Error(`google-workspace users.list: a user without ${user.id ? 'primaryEmail' : 'id'}`);
  }
  const superAdmin = user.isAdmin === true;
  const delegatedAdmin = user.isDelegatedAdmin === true;
  const neverLoggedIn = isNeverSignedIn(user.lastLoginTime);
  return {
    provider: 'google-workspace',
    kind: 'identity',
    externalId: user.id,
    name: user.name?.fullName || user.primaryEmail,
    url: null,
    observedAt,
    identityType: 'user',
    email: user.primaryEmail.toLowerCase(),
    role: superAdmin ? 'super_admin' : delegatedAdmin ? 'delegated_admin' : null,
    isAdmin: superAdmin || delegatedAdmin,
    mfaEnabled: typeof user.isEnrolledIn2Sv === 'boolean' ? user.isEnrolledIn2Sv : null,
    suspended: user.suspended === true,
    external: false,
    lastLoginAt: neverLoggedIn ? null : (user.lastLoginTime ?? null),
    createdAt: user.creationTime ?? null,
    attributes: {
      superAdmin,
      delegatedAdmin,
      enrolledIn2Sv: user.isEnrolledIn2Sv ?? null,
      enforcedIn2Sv: user.isEnforcedIn2Sv ?? null,
      archived: user.archived === true,
      orgUnitPath: user.orgUnitPath ?? null,
      neverLoggedIn,
    },
  };
}
