/**
 * The key-based vendors the key form offers, and the fields each takes: the same `config` and
 * `secrets` names as `periscope connection add --config/--secret` (README, "Connecting AI vendors").
 */
export interface KeyField {
  name: string;
  label: string;
  /** Secrets are typed into password fields and sent only in the POST body. */
  secret: boolean;
  required: boolean;
  multiline?: boolean;
}

export const keyVendors: Record<string, { label: string; fields: KeyField[] }> = {
  openai: {
    label: 'OpenAI',
    fields: [
      { name: 'adminKey', label: 'Admin key', secret: true, required: true },
      {
        name: 'projectKeys',
        label: 'Project keys (JSON: {"proj_…": "sk-proj-…"})',
        secret: true,
        required: false,
        multiline: true,
      },
    ],
  },
  anthropic: {
    label: 'Anthropic',
    fields: [{ name: 'adminKey', label: 'Admin API key', secret: true, required: true }],
  },
  gemini: {
    label: 'Gemini',
    fields: [
      { name: 'projectId', label: 'Google Cloud project id', secret: false, required: true },
      {
        name: 'serviceAccountKey',
        label: 'Service-account key (JSON)',
        secret: true,
        required: true,
        multiline: true,
      },
      { name: 'geminiApiKey', label: 'Gemini API key (optional)', secret: true, required: false },
    ],
  },
  github: {
    label: 'GitHub (personal access token)',
    fields: [
      { name: 'org', label: 'Organization', secret: false, required: true },
      { name: 'token', label: 'Token of an org owner', secret: true, required: true },
    ],
  },
};
