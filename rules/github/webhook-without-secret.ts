import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/webhook-without-secret',
  title: 'Organization webhooks are signed with a secret',
  description:
    'Without a secret GitHub does not sign deliveries, so the receiver cannot tell real events from forged ones sent by anyone who learns the URL.',
  remediation:
    'Edit the webhook in the organization settings, set a random secret, and verify the X-Hub-Signature-256 header in the receiver.',
  severity: 'low',
  provider: 'github',
  kind: 'setting',
  streams: ['webhooks'],
  references: ['https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries'],
  frameworks: { cis_github: ['1.4.4'], legitify: ['organization_webhook_no_secret'], soc2: ['CC6.1'] },
  appliesTo: (asset) => asset.settingType === 'github.webhook',
  evaluate(asset) {
    if (asset.values.hasSecret !== false) return null;
    return { evidence: { url: asset.values.url ?? null, hasSecret: false } };
  },
});
