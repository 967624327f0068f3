import { defineRule } from '../define-rule.ts';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export default defineRule({
  id: 'gemini/api-key-all-apis',
  title: 'API keys are restricted to the APIs they are for',
  description:
    'A Google Cloud API key without API restrictions can call every API enabled on its project — Gemini included, and any API enabled later. A key made for Maps or a website then also spends Gemini quota and reaches the files uploaded to Gemini.',
  remediation:
    'In the Google Cloud console open APIs & Services > Credentials, edit the key, choose "Restrict key" under "API restrictions" and select only the APIs the application calls.',
  severity: 'medium',
  provider: 'gemini',
  kind: 'api_key',
  streams: ['api-keys'],
  references: [
    'https://docs.cloud.google.com/docs/authentication/api-keys',
    'https://docs.cloud.google.com/api-keys/docs/reference/rest/v2/projects.locations.keys',
  ],
  frameworks: { soc2: ['CC6.1', 'CC6.3'], iso27001: ['A.5.15', 'A.8.2'], cis_gcp: ['1.14'] },
  appliesTo: (asset) => asset.keyType === 'google_cloud_api_key',
  evaluate(asset) {
    if (asset.attributes.allApis !== true) return null;
    return {
      evidence: {
        key: asset.name,
        hint: asset.hint,
        apiTargets: 'all APIs',
        applicationRestrictions: strings(asset.attributes.applicationRestrictions),
      },
    };
  },
});
