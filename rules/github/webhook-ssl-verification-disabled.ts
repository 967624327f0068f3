import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/webhook-ssl-verification-disabled',
  title: 'Organization webhooks verify TLS certificates',
  description:
    'With SSL verification disabled GitHub delivers to any certificate, so a machine in the path can impersonate the receiver and read or alter deliveries.',
  remediation:
    'Edit the webhook in the organization settings and choose "Enable SSL verification"; give the receiver a valid certificate.',
  severity: 'medium',
  provider: 'github',
  kind: 'setting',
  streams: ['webhooks'],
  references: [
    'https://docs.github.com/en/webhooks/using-webhooks/creating-webhooks#creating-an-organization-webhook',
  ],
  frameworks: { cis_github: ['1.4.4'], soc2: ['CC6.7'] },
  appliesTo: (asset) => asset.settingType === 'github.webhook',
  evaluate(asset) {
    if (asset.values.insecureSsl !== true) return null;
    return { evidence: { url: asset.values.url ?? null, insecureSsl: true } };
  },
});
