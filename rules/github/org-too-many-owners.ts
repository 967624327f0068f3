import { defineTenantRule } from '../define-rule.ts';

interface Options extends Record<string, unknown> {
  /** More owners than this is a finding. Default 5. */
  maxOwners: number;
}

interface OwnerFacts {
  owners: number;
  /** The org settings asset the finding is attached to; absent when org settings were not collected. */
  org: { kind: 'setting'; externalId: string; name: string; url: string | null } | null;
}

export default defineTenantRule<OwnerFacts, Options>({
  id: 'github/org-too-many-owners',
  title: 'Organization has few owners',
  description:
    'Owners can change every setting, repository and member of the organization. Each extra owner is another account whose compromise hands over the whole organization.',
  remediation:
    'Review the people with the Owner role under People and demote those who do not need full administrative control to Member; keep at least two owners for recovery.',
  severity: 'medium',
  provider: 'github',
  kind: 'identity',
  // Owners come from the members stream, the asset to attach to from org settings.
  streams: ['members', 'org-settings'],
  options: { maxOwners: 5 },
  references: [
    'https://docs.github.com/en/organizations/managing-peoples-access-to-your-organization-with-roles/roles-in-an-organization',
  ],
  frameworks: { cis_github: ['1.3.3'], legitify: ['organization_has_too_many_admins'], soc2: ['CC6.3'] },
  async query(q) {
    const owners = await q.count({ kind: 'identity', where: { isAdmin: true, identityType: 'user' } });
    const [org] = await q.list({ kind: 'setting', settingType: 'github.org' }, 1);
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
