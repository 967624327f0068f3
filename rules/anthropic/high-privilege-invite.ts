import { defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Organization roles an invite must not grant unreviewed. */
  roles: string[];
}

export default defineRule<'setting', Options>({
  id: 'anthropic/high-privilege-invite',
  title: 'No pending invites grant administrative roles',
  description:
    'Whoever accepts an invite gets its role. A pending invite for an admin, owner or membership-admin role hands control of members, keys and workspaces to whoever controls that mailbox.',
  remediation:
    'In the Claude Console, open Settings > Members, delete the invite, and re-invite with a lower role; grant administrative roles to the person once they have joined and been verified.',
  severity: 'high',
  provider: 'anthropic',
  kind: 'setting',
  streams: ['invites'],
  options: { roles: ['admin', 'owner', 'primary_owner', 'membership_admin'] },
  references: ['https://platform.claude.com/docs/en/manage-claude/admin-api'],
  frameworks: { soc2: ['CC6.2', 'CC6.3'], iso27001: ['A.5.18', 'A.8.2'] },
  appliesTo: (asset) => asset.settingType === 'anthropic.invite',
  evaluate(asset, ctx) {
    const { status, role, email, invitedAt, expiresAt } = asset.values;
    if (status !== 'pending' || typeof role !== 'string' || !ctx.options.roles.includes(role)) return null;
    return { evidence: { email, role, invitedAt, expiresAt } };
  },
});
