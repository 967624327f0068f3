import { defineRule } from '../define-rule.ts';

export default defineRule<'setting'>({
  id: 'openai/vector-store-without-expiry',
  title: 'Vector stores expire when idle',
  description:
    'A vector store keeps the chunks of every file added to it. Without an expiry policy the copies stay with OpenAI until someone deletes the store, long after the assistant or experiment that needed them is gone.',
  remediation:
    'Set an expiry (expires_after, anchored on last activity) on the vector store, or delete it under Storage > Vector stores in the OpenAI platform.',
  severity: 'low',
  provider: 'openai',
  kind: 'setting',
  streams: ['vector-stores'],
  references: ['https://platform.openai.com/docs/api-reference/vector-stores'],
  frameworks: { soc2: ['C1.2'], iso27001: ['A.8.10'] },
  appliesTo: (asset) => asset.settingType === 'openai.vector_store' && asset.values.status !== 'expired',
  evaluate(asset) {
    if (asset.values.expiresAfterDays !== null && asset.values.expiresAfterDays !== undefined) return null;
    return {
      evidence: {
        projectId: asset.values.projectId ?? null,
        usageBytes: asset.values.usageBytes ?? null,
        fileCount: asset.values.fileCount ?? null,
        lastActiveAt: asset.values.lastActiveAt ?? null,
      },
    };
  },
});
