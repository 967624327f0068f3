import { defineTenantRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** More holders of admin powers (admin, owner, primary owner) than this is a finding. Default 5. */
  maxAdmins: number;
}

interface AdminFacts {
  admins: number;
  /** The organization setting the finding is attached to; absent when it was not collected. */
  org: { kind: 'setting'; externalId: string; name: string; url: string | null } | null;
}

export default defineTenantRule<AdminFacts, Options>({
  id: 'anthropic/too-many-admins',
  title: 'The Anthropic organization has few admins',
  description:
    'Admins and owners manage members, invites, API keys, workspaces and spend. Every extra one is another account whose compromise hands over the organization and its keys.',
  remediation:
    'In the Claude Console, open Settings > Members and change the role of admins who do not need to manage the organization to developer or user; keep at least two for recovery.',
  severity: 'medium',
  provider: 'anthropic',
  kind: 'identity',
  streams: ['users', 'organization'],
  options: { maxAdmins: 5 },
  references: ['https://platform.claude.com/docs/en/manage-claude/admin-api'],
  frameworks: { soc2: ['CC6.3'], iso27001: ['A.8.2'] },
  async query(q) {
    const admins = await q.count({ kind: 'identity', where: { isAdmin: true, identityType: 'user' } });
    const [org] = await q.list({ kind: 'setting', settingType: 'anthropic.organization' }, 1);
    return {
      admins,
      org: org ? { kind: 'setting', externalId: org.externalId, name: org.name, url: org.url } : null,
    };
  },
  evaluate(facts, ctx) {
    if (!facts.org || facts.admins <= ctx.options.maxAdmins) return [];
    return [{ asset: facts.org, evidence: { admins: facts.admins, maxAdmins: ctx.options.maxAdmins } }];
  },
});
