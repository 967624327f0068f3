import { daysBetween, defineRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** Days an invite may stay pending. Default 7. */
  staleInviteDays: number;
}

export default defineRule<'setting', Options>({
  id: 'anthropic/stale-invite',
  title: 'Invites to the organization do not stay pending',
  description:
    'An invite nobody accepted within days was sent to the wrong address, is no longer wanted, or waits in a mailbox someone else may read. Until it expires, accepting it grants its role.',
  remediation:
    'In the Claude Console, open Settings > Members and delete the pending invite; invite the person again if they still need access.',
  severity: 'low',
  provider: 'anthropic',
  kind: 'setting',
  streams: ['invites'],
  options: { staleInviteDays: 7 },
  references: ['https://platform.claude.com/docs/en/manage-claude/admin-api'],
  frameworks: { soc2: ['CC6.2'], iso27001: ['A.5.18'] },
  appliesTo: (asset) => asset.settingType === 'anthropic.invite',
  evaluate(asset, ctx) {
    const { status, invitedAt, email, role } = asset.values;
    if (status !== 'pending' || typeof invitedAt !== 'string') return null;
    const pendingDays = Math.floor(daysBetween(invitedAt, ctx.now));
    if (pendingDays <= ctx.options.staleInviteDays) return null;
    return {
      evidence: { email, role, invitedAt, pendingDays, staleInviteDays: ctx.options.staleInviteDays },
    };
  },
});
