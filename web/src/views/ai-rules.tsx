/**
 * Which rules feed the AI report's sections. Key hygiene and DLP are found by shape (API keys of
 * the AI vendors; the common/dlp-* rules); risky AI features are a named list, as no field of a
 * rule says "this setting turns on an AI feature".
 */
export const aiVendors = ['openai', 'anthropic', 'gemini'];

export const shadowAiRules = ['common/shadow-ai-grant-unapproved', 'common/shadow-ai-tenant-wide-grant'];

export const riskyAiFeatureRules = [
  'openai/project-risky-tool-enabled',
  'openai/assistant-risky-tool-unapproved',
  'openai/zero-data-retention-off',
  'openai/model-allow-list-absent',
  'anthropic/workspace-unapproved-tool-use',
  'github/copilot-public-code-suggestions-allowed',
];

export const isDlpRule = (id: string) => id.startsWith('common/dlp-');
