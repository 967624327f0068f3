import { defineRule } from '../define-rule.ts';
import { countedDlpProfiles, dlpEvidence, dlpInspected } from '../dlp-file.ts';

/** Providers whose files are uploads to an AI vendor (assistants, batch input, fine-tuning, chats). */
const aiVendors = new Set(['openai', 'anthropic', 'gemini']);

export default defineRule({
  id: 'common/dlp-file-ai-upload',
  title: 'Files uploaded to AI vendors hold no sensitive content',
  description:
    'A file uploaded to an AI vendor (for assistants, batch jobs, fine-tuning or chats) holds data a DLP profile matched: the data now sits with a third party, under its retention and training terms.',
  remediation:
    "Delete the file from the vendor workspace, check the vendor's retention and data-use settings, and keep the data out of uploads (redact it first or use an approved internal model).",
  severity: 'high',
  provider: 'common',
  kind: 'file',
  references: [
    'https://platform.openai.com/docs/api-reference/files',
    'https://docs.anthropic.com/en/docs/build-with-claude/files',
    'https://ai.google.dev/gemini-api/docs/files',
  ],
  frameworks: { soc2: ['CC6.7', 'C1.1'], iso27001: ['A.8.12', 'A.5.14'] },
  evidenceAvailable: dlpInspected,
  appliesTo: (asset) => asset.dlp?.status === 'matched' && aiVendors.has(asset.provider),
  evaluate(asset, ctx) {
    const profiles = countedDlpProfiles(asset, ctx.policy);
    return profiles ? { evidence: { ...dlpEvidence(asset, profiles), vendor: asset.provider } } : null;
  },
});
