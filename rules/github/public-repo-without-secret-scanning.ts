import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/public-repo-without-secret-scanning',
  title: 'Public repositories have secret scanning enabled',
  description:
    'Secret scanning is free for public repositories and alerts on credentials pushed to them. Without it, a leaked key in a public repository is found by attackers first.',
  remediation:
    'In the repository settings open Code security and enable Secret scanning (and push protection), or apply a code security configuration that enables it to all public repositories.',
  severity: 'medium',
  provider: 'github',
  kind: 'setting',
  streams: ['repos'],
  references: [
    'https://docs.github.com/en/code-security/secret-scanning/enabling-secret-scanning-features/enabling-secret-scanning-for-your-repository',
  ],
  frameworks: { cis_github: ['1.5.1'], prowler: ['repository_secret_scanning_enabled'], soc2: ['CC7.1'] },
  appliesTo: (asset) => asset.settingType === 'github.repository',
  evaluate(asset) {
    const { visibility, archived, secretScanning } = asset.values;
    if (visibility !== 'public' || archived === true) return null;
    // null = security_and_analysis was not visible to this token: unknown, not a finding.
    if (typeof secretScanning !== 'string' || secretScanning === 'enabled') return null;
    return { evidence: { repository: asset.name, visibility, secretScanning } };
  },
});
