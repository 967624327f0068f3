/** `GET /orgs/{org}/credential-authorizations` (GHEC) items → oauth_grant assets. */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { isoOrNull, maybeNumber, maybeString } from './fields.ts';

export const GhCredentialAuthorization = z.object({
  login: z.string(),
  credential_id: z.number().int(),
  credential_type: z.string(),
  token_last_eight: maybeString,
  fingerprint: maybeString,
  credential_authorized_at: maybeString,
  credential_accessed_at: maybeString,
  authorized_credential_id: maybeNumber,
  authorized_credential_title: maybeString,
  authorized_credential_note: maybeString,
  authorized_credential_expires_at: maybeString,
  scopes: z.array(z.string()).nullish(),
});
export type GhCredentialAuthorization = z.infer<typeof GhCredentialAuthorization>;

export function normalizeCredentialAuthorization(
  credential: GhCredentialAuthorization,
  observedAt: string,
): AssetInput {
  const label = credential.authorized_credential_note ?? credential.authorized_credential_title;
  // A redacted hint only: the token's last eight characters or the SSH key fingerprint's tail.
  const hint = credential.token_last_eight ?? credential.fingerprint?.slice(-8) ?? null;
  return {
    provider: 'github',
    kind: 'oauth_grant',
    externalId: `credential:${credential.credential_id}`,
    name: label ? `${credential.login}: ${label}` : `${credential.login}: ${credential.credential_type}`,
    observedAt,
    appId: credential.credential_type,
    appName: credential.credential_type,
    principal: credential.login,
    principalType: 'user',
    scopes: [...(credential.scopes ?? [])].sort(),
    createdAt: isoOrNull(credential.credential_authorized_at),
    lastUsedAt: isoOrNull(credential.credential_accessed_at),
    expiresAt: isoOrNull(credential.authorized_credential_expires_at),
    attributes: {
      credentialType: credential.credential_type,
      hint,
      authorizedCredentialId: credential.authorized_credential_id ?? null,
      // Absent (not null) means GitHub did not tell us: the expiry rule must not guess.
      expiryReported: credential.authorized_credential_expires_at !== undefined,
    },
  };
}
