import { defineRule } from '../define-rule.ts';

export default defineRule<'api_key'>({
  id: 'anthropic/key-without-expiry',
  title: 'Active Anthropic API keys have an expiry date',
  description:
    'A key without an expiry date works until someone remembers to disable it. An expiry bounds how long a leaked or forgotten key stays usable.',
  remediation:
    'Replace the key with one created with an expiration date in the Claude Console (Settings > API keys), then disable the old key.',
  severity: 'low',
  provider: 'anthropic',
  kind: 'api_key',
  streams: ['api-keys'],
  references: ['https://platform.claude.com/docs/en/api/admin/api_keys/list'],
  frameworks: { soc2: ['CC6.1'], iso27001: ['A.5.17'] },
  appliesTo: (asset) => asset.keyType === 'anthropic_api_key' && asset.attributes.status === 'active',
  evaluate(asset) {
    if (asset.expiresAt !== null) return null;
    return {
      evidence: {
        createdAt: asset.createdAt,
        workspaceId: asset.attributes.workspaceId ?? null,
        hint: asset.hint,
      },
    };
  },
});
