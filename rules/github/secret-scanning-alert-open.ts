import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/secret-scanning-alert-open',
  title: 'Secret scanning alerts are resolved',
  description:
    'An open secret scanning alert is a credential found in a repository that nobody has revoked or dismissed. A secret that is still valid, or already public, is an incident.',
  remediation:
    'Revoke or rotate the secret with its provider first, remove it from the code, then close the alert as revoked.',
  severity: 'high',
  provider: 'github',
  kind: 'setting',
  streams: ['secret-scanning-alerts'],
  references: [
    'https://docs.github.com/en/code-security/secret-scanning/managing-alerts-from-secret-scanning/resolving-alerts-from-secret-scanning',
  ],
  frameworks: { cis_github: ['1.5.1'], soc2: ['CC7.1'] },
  appliesTo: (asset) => asset.settingType === 'github.secret-scanning-alert',
  evaluate(asset) {
    const { state, validity, publiclyLeaked, secretType, repository } = asset.values;
    if (state !== 'open') return null;
    const evidence = {
      repository: repository ?? null,
      secretType: secretType ?? null,
      validity: validity ?? null,
      publiclyLeaked: publiclyLeaked ?? null,
    };
    // A live or public secret is exploitable right now.
    const urgent = validity === 'active' || publiclyLeaked === true;
    return urgent ? { evidence, severity: 'critical' } : { evidence };
  },
});
