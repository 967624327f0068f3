/** Organization invites → `anthropic.invite` settings (one per invite, any status). */
import { z } from 'zod';
import type { AssetInput } from '../../../scanner/model.ts';
import { isoOrNull, maybeString } from './fields.ts';

export const AnInvite = z.object({
  id: z.string().min(1),
  email: z.string(),
  role: z.string(),
  status: z.string(),
  invited_at: maybeString,
  expires_at: maybeString,
  accepted_at: maybeString,
  rbac_group_ids: z.array(z.string()).nullish(),
});
export type AnInvite = z.infer<typeof AnInvite>;

export function normalizeInvite(invite: AnInvite, observedAt: string): AssetInput {
  return {
    provider: 'anthropic',
    kind: 'setting',
    externalId: `invite:${invite.id}`,
    name: invite.email,
    observedAt,
    settingType: 'anthropic.invite',
    scope: 'organization',
    values: {
      email: invite.email.toLowerCase(),
      role: invite.role,
      status: invite.status,
      invitedAt: isoOrNull(invite.invited_at),
      expiresAt: isoOrNull(invite.expires_at),
      acceptedAt: isoOrNull(invite.accepted_at),
      rbacGroupIds: invite.rbac_group_ids ?? [],
    },
  };
}
