/**
 * Shared reading of a Microsoft Entra user (connectors/microsoft-365/MODEL.md, identity) for the
 * `microsoft-365/*-mfa`, `inactive-*` and role rules: who the user is, their directory roles, MFA
 * registration and idle time. Lives beside define-rule.ts, not in rules/microsoft-365/, because
 * every file in a rule folder is a rule.
 */
import type { IdentityAsset } from '../scanner/model.ts';
import { daysBetween } from './define-rule.ts';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The privileged directory roles the connector found among the user's roles (MODEL.md lists the set). */
export function privilegedRolesOf(asset: IdentityAsset): string[] {
  return strings(asset.attributes.privilegedRoles);
}

/** Who the user is: sign-in name, display name, member or guest, and directory roles. */
export function userEvidence(asset: IdentityAsset): Record<string, unknown> {
  return {
    user: asset.email ?? asset.name,
    displayName: asset.name,
    userType: asset.identityType,
    role: asset.role,
    roles: strings(asset.attributes.roles),
    privilegedRoles: privilegedRolesOf(asset),
  };
}

/** MFA registration as Entra's userRegistrationDetails report tells it. */
export function mfaEvidence(asset: IdentityAsset): Record<string, unknown> {
  const capable = asset.attributes.mfaCapable;
  return {
    ...userEvidence(asset),
    mfaRegistered: false,
    mfaCapable: typeof capable === 'boolean' ? capable : null,
    methodsRegistered: strings(asset.attributes.methodsRegistered),
  };
}

/**
 * Sign-in activity is known: the tenant is licensed for it (`signInTracked`) and there is a last
 * sign-in or, for a user who never signed in, a creation time to count from. Otherwise the
 * inactivity rules do not judge the user.
 */
export function signInKnown(asset: IdentityAsset): boolean {
  return asset.attributes.signInTracked === true && (asset.lastLoginAt !== null || asset.createdAt !== null);
}

/**
 * Evidence when an enabled account has not signed in for more than `staleDays`, else null. A user
 * with no recorded sign-in counts from the account's creation (Entra records sign-ins only since
 * April 2020, so "never" means "not since then").
 */
export function inactivity(
  asset: IdentityAsset,
  staleDays: number,
  now: Date,
): Record<string, unknown> | null {
  if (asset.suspended) return null;
  if (asset.lastLoginAt) {
    const idle = daysBetween(asset.lastLoginAt, now);
    if (idle <= staleDays) return null;
    return { ...userEvidence(asset), lastSignIn: asset.lastLoginAt, idleDays: Math.floor(idle), staleDays };
  }
  if (!asset.createdAt) return null; // unknown: see signInKnown
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
