/**
 * Shared reading of a Google OAuth grant for the `google-workspace/app-*` rules: the scope
 * families third-party apps are sorted by (Drive or Gmail, Docs/Sheets/Slides/Calendar, sign-in
 * only), the tenant's approval and the evidence every one of them reports. Lives beside
 * define-rule.ts, not in rules/google-workspace/, because every file in a rule folder is a rule.
 */
import type { OAuthGrantAsset } from '../scanner/model.ts';
import { approvalOf, type TenantPolicy } from '../scanner/policy.ts';

const authPrefix = 'https://www.googleapis.com/auth/';

/** 'https://www.googleapis.com/auth/drive.readonly' → 'drive.readonly'; 'https://mail.google.com/' → 'mail.google.com'. */
export function googleScopeName(scope: string): string {
  const s = scope.trim();
  if (s.startsWith(authPrefix)) return s.slice(authPrefix.length);
  if (/^https:\/\/mail\.google\.com\/?$/.test(s)) return 'mail.google.com';
  return s;
}

/** Drive (every `drive` / `drive.*` scope) or Gmail (`mail.google.com`, every `gmail.*` scope). */
export function isDriveOrGmailScope(scope: string): boolean {
  const name = googleScopeName(scope);
  return name === 'drive' || name === 'mail.google.com' || /^(drive|gmail)\../.test(name);
}

/** Docs, Sheets and Slides (and their read-only forms), and every Calendar scope. */
export function isDocsOrCalendarScope(scope: string): boolean {
  const name = googleScopeName(scope);
  return /^(documents|spreadsheets|presentations)(\.readonly)?$/.test(name) || /^calendar(\..+)?$/.test(name);
}

const signInScopes = new Set(['openid', 'email', 'profile', 'userinfo.email', 'userinfo.profile']);

/** Google Sign-In only: who the user is, nothing of their data. */
export function isSignInScope(scope: string): boolean {
  return signInScopes.has(googleScopeName(scope));
}

/** The tenant approved the app (by AI-catalog id or `google-workspace:<clientId>`): the app rules stay quiet. */
export function isApprovedApp(asset: OAuthGrantAsset, policy: TenantPolicy): boolean {
  return approvalOf(policy, asset) === 'approved';
}

/** App name, OAuth client id, the granting user and the scopes that made the rule fire. */
export function appGrantEvidence(asset: OAuthGrantAsset, scopes: string[]): Record<string, unknown> {
  return {
    app: asset.appName,
    clientId: asset.appId,
    user: asset.principal,
    scopes,
    lastUsedAt: asset.lastUsedAt,
  };
}
