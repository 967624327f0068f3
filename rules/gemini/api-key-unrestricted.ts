import { defineRule } from '../define-rule.ts';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export default defineRule({
  id: 'gemini/api-key-unrestricted',
  title: 'API keys that can call Gemini are restricted to known applications',
  description:
    'A Google Cloud API key that can call the Gemini API (it targets generativelanguage.googleapis.com, or no API at all) and carries no application restriction works from any host, browser or app. Whoever finds it — in a repository, a mobile build, a browser bundle — can spend the project’s Gemini quota and read the files uploaded with it. A restriction sub-object left empty restricts nothing.',
  remediation:
    'In the Google Cloud console open APIs & Services > Credentials, edit the key, and under "Application restrictions" choose IP addresses, HTTP referrers, Android apps or iOS apps and list the allowed callers; under "API restrictions" limit it to the Generative Language API. Prefer server-side calls with the key kept in a secret manager.',
  severity: 'high',
  provider: 'gemini',
  kind: 'api_key',
  streams: ['api-keys'],
  references: [
    'https://docs.cloud.google.com/docs/authentication/api-keys',
    'https://docs.cloud.google.com/api-keys/docs/reference/rest/v2/projects.locations.keys',
    'https://ai.google.dev/gemini-api/docs/api-key',
  ],
  frameworks: { soc2: ['CC6.1', 'CC6.6'], iso27001: ['A.5.15', 'A.8.5'], cis_gcp: ['1.13'] },
  appliesTo: (asset) => asset.keyType === 'google_cloud_api_key' && asset.attributes.geminiCapable === true,
  evaluate(asset) {
    if (strings(asset.attributes.applicationRestrictions).length > 0) return null;
    const targets = strings(asset.attributes.apiTargets);
    return {
      evidence: {
        key: asset.name,
        hint: asset.hint,
        apiTargets: targets.length > 0 ? targets : 'all APIs',
        missing: ['browser referrers', 'server IP addresses', 'Android apps', 'iOS bundle ids'],
        emptyRestrictions: strings(asset.attributes.emptyApplicationRestrictions),
        serviceAccountEmail: asset.attributes.serviceAccountEmail ?? null,
      },
    };
  },
});
