import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/actions-all-actions-allowed',
  title: 'Workflows may use only local or allow-listed actions',
  description:
    'When every action and reusable workflow is allowed, any repository can run third-party code from the marketplace with its secrets and token, so one compromised action reaches the organization.',
  remediation:
    'In the organization settings, open Actions > General and under "Policies" choose "Allow <org> actions and reusable workflows" or "Allow <org>, and select non-<org>, actions and reusable workflows" with an allow-list.',
  severity: 'medium',
  provider: 'github',
  kind: 'setting',
  streams: ['actions'],
  references: [
    'https://docs.github.com/en/organizations/managing-organization-settings/disabling-or-limiting-github-actions-for-your-organization#managing-github-actions-permissions-for-your-organization',
  ],
  frameworks: { cis_github: ['3.1.1'], legitify: ['all_github_actions_are_allowed'], soc2: ['CC8.1'] },
  appliesTo: (asset) => asset.settingType === 'github.actions',
  evaluate(asset) {
    // Actions switched off for every repository cannot run anything, allowed or not.
    if (asset.values.enabledRepositories === 'none') return null;
    if (asset.values.allowedActions !== 'all') return null;
    return {
      evidence: { allowedActions: 'all', enabledRepositories: asset.values.enabledRepositories ?? null },
    };
  },
});
