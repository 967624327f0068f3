import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/webhook-insecure-url',
  title: 'Organization webhooks deliver over HTTPS',
  description:
    'A webhook with an http:// URL sends event payloads (repository names, commit data, user details) and its signature in clear text, readable and alterable on the network path.',
  remediation: 'Edit the webhook in the organization settings and change the payload URL to https://.',
  severity: 'medium',
  provider: 'github',
  kind: 'setting',
  streams: ['webhooks'],
  references: ['https://docs.github.com/en/webhooks/using-webhooks/best-practices-for-using-webhooks'],
  frameworks: { cis_github: ['1.4.4'], soc2: ['CC6.7'] },
  appliesTo: (asset) => asset.settingType === 'github.webhook',
  evaluate(asset) {
    const url = asset.values.url;
    if (typeof url !== 'string' || !url.toLowerCase().startsWith('http://')) return null;
    return { evidence: { url } };
  },
});
