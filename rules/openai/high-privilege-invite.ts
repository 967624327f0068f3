import { defineRule } from '../define-rule.ts';

interface InviteValues {
  status?: string | null;
  role?: string | null;
  projects?: Array<{ id: string; role: string | null }>;
}

export default defineRule<'setting'>({
  id: 'openai/high-privilege-invite',
  title: 'No pending invitations grant the owner role',
  description:
    'A pending invitation for the organization Owner role, or to own a project, hands full control to whoever accepts it from the invited mailbox. Invitations sent by mistake or to the wrong address are a quiet way in.',
  remediation:
    'Check the invitation under Settings > Organization > People > Invites; revoke it if it is not expected, or re-invite with the Reader role and project Member role and raise the role after the person joins.',
  severity: 'high',
  provider: 'openai',
  kind: 'setting',
  streams: ['invites'],
  references: ['https://platform.openai.com/docs/api-reference/invite'],
  frameworks: { soc2: ['CC6.2', 'CC6.3'], iso27001: ['A.5.18', 'A.8.2'] },
  appliesTo: (asset) => asset.settingType === 'openai.invite',
  evaluate(asset) {
    const values = asset.values as InviteValues;
    if (values.status !== 'pending') return null;
    const ownedProjects = (values.projects ?? []).filter((p) => p.role === 'owner').map((p) => p.id);
    if (values.role !== 'owner' && ownedProjects.length === 0) return null;
    return {
      evidence: {
        email: asset.values.email ?? null,
        role: values.role ?? null,
        ownedProjects,
        createdAt: asset.values.createdAt ?? null,
      },
    };
  },
});
