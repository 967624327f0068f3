/** Members and outside collaborators (`simple-user` items) → identity assets. */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { maybeBoolean, maybeString } from './fields.ts';

export const GhUser = z.object({
  id: z.number().int(),
  login: z.string(),
  html_url: maybeString,
  type: maybeString,
  site_admin: maybeBoolean,
});
export type GhUser = z.infer<typeof GhUser>;

export interface MemberFacts {
  isAdmin: boolean;
  /** From the owner-only `filter=2fa_disabled`: false if listed, true if not, null if refused. */
  mfaEnabled: boolean | null;
}

export function normalizeMember(user: GhUser, facts: MemberFacts, observedAt: string): AssetInput {
  return {
    provider: 'github',
    kind: 'identity',
    externalId: String(user.id),
    name: user.login,
    url: user.html_url ?? null,
    observedAt,
    identityType: 'user',
    role: facts.isAdmin ? 'admin' : 'member',
    isAdmin: facts.isAdmin,
    mfaEnabled: facts.mfaEnabled,
    attributes: { accountType: user.type ?? null, siteAdmin: user.site_admin ?? null },
  };
}

export function normalizeOutsideCollaborator(
  user: GhUser,
  mfaEnabled: boolean | null,
  observedAt: string,
): AssetInput {
  return {
    provider: 'github',
    kind: 'identity',
    externalId: String(user.id),
    name: user.login,
    url: user.html_url ?? null,
    observedAt,
    identityType: 'outside_collaborator',
    role: 'outside_collaborator',
    isAdmin: false,
    mfaEnabled,
    external: true,
    attributes: { accountType: user.type ?? null },
  };
}

/** The 2FA verdict for one user, given the 2fa_disabled ids (null when the filter was refused). */
export function mfaVerdict(userId: number, withoutTwoFactor: Set<number> | null): boolean | null {
  if (!withoutTwoFactor) return null;
  return !withoutTwoFactor.has(userId);
}
