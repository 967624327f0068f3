import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/actions-workflow-token-can-write',
  title: 'Workflow tokens are read-only and cannot approve pull requests',
  description:
    'The GITHUB_TOKEN of every workflow run gets the default permissions. With write access, or the right to approve pull requests, a compromised action or dependency can push code or approve its own changes.',
  remediation:
    'In the organization settings, open Actions > General and under "Workflow permissions" select "Read repository contents and packages permissions" and clear "Allow GitHub Actions to create and approve pull requests".',
  severity: 'medium',
  provider: 'github',
  kind: 'setting',
  streams: ['actions'],
  references: [
    'https://docs.github.com/en/organizations/managing-organization-settings/disabling-or-limiting-github-actions-for-your-organization#setting-the-permissions-of-the-github_token-for-your-organization',
    'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token',
  ],
  frameworks: {
    cis_github: ['2.1.7'],
    legitify: ['token_default_permissions_is_read_write', 'actions_can_approve_pull_requests'],
    soc2: ['CC6.3', 'CC8.1'],
  },
  appliesTo: (asset) => asset.settingType === 'github.actions',
  evaluate(asset) {
    const writes = asset.values.defaultWorkflowPermissions === 'write';
    const approves = asset.values.canApprovePullRequestReviews === true;
    if (!writes && !approves) return null;
    return {
      evidence: {
        defaultWorkflowPermissions: asset.values.defaultWorkflowPermissions ?? null,
        canApprovePullRequestReviews: asset.values.canApprovePullRequestReviews ?? null,
      },
    };
  },
});
