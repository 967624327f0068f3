import { defineRule } from '../define-rule.ts';

export default defineRule<'api_key'>({
  id: 'anthropic/key-owner-removed',
  title: 'Active Anthropic API keys belong to current members',
  description:
    'Removing a member from the organization does not disable the API keys they created. Such a key still works, and the person who may still hold it is no longer accountable to the organization.',
  remediation:
    'In the Claude Console (Settings > API keys) disable the key; if a service still needs access, issue it a new key owned by a current member or a service account.',
  severity: 'high',
  provider: 'anthropic',
  kind: 'api_key',
  streams: ['api-keys'],
  references: [
    'https://platform.claude.com/docs/en/api/admin/api_keys/list',
    'https://platform.claude.com/docs/en/manage-claude/admin-api',
  ],
  frameworks: { soc2: ['CC6.2', 'CC6.3'], iso27001: ['A.5.18', 'A.6.5'] },
  appliesTo: (asset) =>
    asset.keyType === 'anthropic_api_key' &&
    asset.attributes.status === 'active' &&
    asset.attributes.creatorType === 'user',
  // Membership is unknown when the member list could not be read: keep findings, judge nothing.
  evidenceAvailable: (asset) =>
    asset.attributes.creatorType !== 'user' || typeof asset.attributes.creatorIsMember === 'boolean',
  evaluate(asset) {
    if (asset.attributes.creatorIsMember !== false) return null;
    return {
      evidence: {
        creatorId: asset.owner,
        createdAt: asset.createdAt,
        workspaceId: asset.attributes.workspaceId ?? null,
        hint: asset.hint,
      },
    };
  },
});
