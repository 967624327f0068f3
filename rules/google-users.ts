/**
 * Shared reading of a Google Workspace user for the `google-workspace/*-2sv` and `inactive-*`
 * rules: whether the account can still sign in, its idle time and the evidence they report.
 * Lives beside define-rule.ts, not in rules/google-workspace/, because every file in a rule
 * folder is a rule.
 */
import type { IdentityAsset } from '../scanner/model.ts';
import { daysBetween } from './define-rule.ts';

/** Not suspended and not archived: the account can sign in, so its posture matters. */
export function isActiveAccount(asset: IdentityAsset): boolean {
  return !asset.suspended && asset.attributes.archived !== true;
}

/** Who the user is: email, admin role and where it sits in the directory. */
export function userEvidence(asset: IdentityAsset): Record<string, unknown> {
  return {
    email: asset.email ?? asset.name,
    role: asset.role,
    orgUnitPath: asset.attributes.orgUnitPath ?? null,
  };
}

/** 2SV state as the directory reports it (enrolled, and whether the OU enforces it). */
export function twoStepEvidence(asset: IdentityAsset): Record<string, unknown> {
  return {
    ...userEvidence(asset),
    enrolledIn2Sv: false,
    enforcedIn2Sv: asset.attributes.enforcedIn2Sv ?? null,
  };
}

/**
 * Evidence when the active account has not signed in for more than `staleDays`, else null. A user
 * who never signed in counts from the account's creation; a missing sign-in time the directory
 * did not explain (no `neverLoggedIn`) is unknown and not judged (see `signInKnown`).
 */
export function inactivity(
  asset: IdentityAsset,
  staleDays: number,
  now: Date,
): Record<string, unknown> | null {
  if (!isActiveAccount(asset)) return null;
  if (asset.lastLoginAt) {
    const idle = daysBetween(asset.lastLoginAt, now);
    if (idle <= staleDays) return null;
    return { ...userEvidence(asset), lastSignIn: asset.lastLoginAt, idleDays: Math.floor(idle), staleDays };
  }
  if (asset.attributes.neverLoggedIn !== true || !asset.createdAt) return null; // unknown: see signInKnown
  const age = daysBetween(asset.createdAt, now);
  if (age <= staleDays) return null;
  return {
    ...userEvidence(asset),
    lastSignIn: 'never signed in',
    createdAt: asset.createdAt,
    idleDays: Math.floor(age),
    staleDays,
  };
}

/** The directory told us when the user last signed in, or that they never did and when they were created. */
export function signInKnown(asset: IdentityAsset): boolean {
  return asset.lastLoginAt !== null || (asset.attributes.neverLoggedIn === true && asset.createdAt !== null);
}
