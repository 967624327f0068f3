import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/deploy-key-write-access',
  title: 'Deploy keys are read-only',
  description:
    'A deploy key with write access can push to the repository, bypassing user accounts, two-factor authentication and audit by person. Most deployments only need to read.',
  remediation:
    'Replace the key with a read-only deploy key (clear "Allow write access"), or use a GitHub App with narrowly scoped permissions when the automation must push.',
  severity: 'medium',
  provider: 'github',
  kind: 'api_key',
  streams: ['deploy-keys'],
  references: [
    'https://docs.github.com/en/authentication/connecting-to-github-with-ssh/managing-deploy-keys#deploy-keys',
  ],
  frameworks: { soc2: ['CC6.3'] },
  appliesTo: (asset) => asset.keyType === 'github_deploy_key',
  evaluate(asset) {
    if (asset.access !== 'write' && asset.access !== 'admin') return null;
    return {
      evidence: { repository: asset.attributes.repository ?? null, title: asset.name, access: asset.access },
    };
  },
});
