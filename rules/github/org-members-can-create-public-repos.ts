import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/org-members-can-create-public-repos',
  title: 'Only owners can create public repositories',
  description:
    'When every member can create public repositories, code or secrets can be published to the internet by mistake, without review by an owner.',
  remediation:
    'In the organization settings, open Member privileges and under "Repository creation" clear "Public" so members can create only private or internal repositories.',
  severity: 'medium',
  provider: 'github',
  kind: 'setting',
  streams: ['org-settings'],
  references: [
    'https://docs.github.com/en/organizations/managing-organization-settings/restricting-repository-creation-in-your-organization',
  ],
  frameworks: {
    cis_github: ['1.2.2'],
    prowler: ['organization_repository_creation_limited'],
    soc2: ['CC6.1'],
  },
  appliesTo: (asset) => asset.settingType === 'github.org',
  evaluate(asset) {
    if (asset.values.membersCanCreatePublicRepositories !== true) return null;
    return { evidence: { membersCanCreatePublicRepositories: true } };
  },
});
