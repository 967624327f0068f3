import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days an invitation may stay pending. Default 7. */
  staleInviteDays: number;
}

export default defineRule<'setting', Options>({
  id: 'openai/stale-invite',
  title: 'Invitations are accepted or withdrawn promptly',
  description:
    'An invitation left pending for long still lets whoever controls the invited mailbox join the organization, long after anyone remembers why it was sent.',
  remediation:
    'Revoke the invitation under Settings > Organization > People > Invites, and send a new one if the person still needs access.',
  severity: 'low',
  provider: 'openai',
  kind: 'setting',
  streams: ['invites'],
  options: { staleInviteDays: 7 },
  references: ['https://platform.openai.com/docs/api-reference/invite'],
  frameworks: { soc2: ['CC6.2'], iso27001: ['A.5.18'] },
  appliesTo: (asset) => asset.settingType === 'openai.invite',
  evaluate(asset, ctx) {
    const createdAt = typeof asset.values.createdAt === 'string' ? asset.values.createdAt : null;
    if (asset.values.status !== 'pending' || !createdAt) return null;
    const limit = ctx.options.staleInviteDays;
    if (daysBetween(createdAt, ctx.now) <= limit) return null;
    return {
      evidence: {
        email: asset.values.email ?? null,
        role: asset.values.role ?? null,
        createdAt,
        pendingDays: Math.floor(daysBetween(createdAt, ctx.now)),
        staleInviteDays: limit,
      },
    };
  },
});
