import { defineTenantRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** More owners than this is a finding. Default 5. */
  maxOwners: number;
}

interface OwnerFacts {
  owners: number;
  /** The organization setting the finding is attached to; absent when it was not collected. */
  org: { kind: 'setting'; externalId: string; name: string; url: string | null } | null;
}

export default defineTenantRule<OwnerFacts, Options>({
  id: 'openai/too-many-owners',
  title: 'Organization has few owners',
  description:
    'Owners manage billing, members, every project and admin keys. Each extra owner is another account whose compromise hands over the whole organization and its data.',
  remediation:
    'Under Settings > Organization > People, change the role of owners who do not need full control to Reader; keep at least two owners for recovery.',
  severity: 'medium',
  provider: 'openai',
  kind: 'identity',
  // Owners come from the users stream, the asset to attach to from the organization stream.
  streams: ['users', 'organization'],
  options: { maxOwners: 5 },
  references: ['https://platform.openai.com/docs/api-reference/users'],
  frameworks: { soc2: ['CC6.3'], iso27001: ['A.8.2'] },
  async query(q) {
    const owners = await q.count({ kind: 'identity', where: { isAdmin: true, identityType: 'user' } });
    const [org] = await q.list({ kind: 'setting', settingType: 'openai.organization' }, 1);
    return {
      owners,
      org: org ? { kind: 'setting', externalId: org.externalId, name: org.name, url: org.url } : null,
    };
  },
  evaluate(facts, ctx) {
    if (!facts.org || facts.owners <= ctx.options.maxOwners) return [];
    return [{ asset: facts.org, evidence: { owners: facts.owners, maxOwners: ctx.options.maxOwners } }];
  },
});
