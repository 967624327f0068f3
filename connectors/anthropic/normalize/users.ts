/** Organization members → identities. Admin powers: admin, owner and primary_owner. */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { isoOrNull, maybeString } from './fields.ts';

export const AnUser = z.object({
  id: z.string().min(1),
  email: maybeString,
  name: maybeString,
  role: z.string(),
  added_at: maybeString,
});
export type AnUser = z.infer<typeof AnUser>;

/** Roles that can manage the organization (members, keys, workspaces, billing limits). */
export const ADMIN_ROLES: ReadonlySet<string> = new Set(['admin', 'owner', 'primary_owner']);

export function normalizeUser(user: AnUser, observedAt: string): AssetInput {
  return {
    provider: 'anthropic',
    kind: 'identity',
    externalId: user.id,
    name: user.name || user.email || user.id,
    observedAt,
    identityType: 'user',
    email: user.email?.toLowerCase() ?? null,
    role: user.role,
    isAdmin: ADMIN_ROLES.has(user.role),
    // The Admin API does not say how members sign in (SSO, MFA): unknown, never assumed.
    mfaEnabled: null,
    createdAt: isoOrNull(user.added_at),
    attributes: { role: user.role },
  };
}
