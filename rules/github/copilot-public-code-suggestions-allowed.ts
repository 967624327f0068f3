import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'github/copilot-public-code-suggestions-allowed',
  title: 'Copilot blocks suggestions matching public code',
  description:
    'When Copilot may suggest code that matches public code, licensed third-party code can enter the codebase without attribution or review.',
  remediation:
    'In the organization settings, open Copilot > Policies and set "Suggestions matching public code" to Blocked.',
  severity: 'low',
  provider: 'github',
  kind: 'setting',
  streams: ['copilot'],
  references: [
    'https://docs.github.com/en/copilot/managing-copilot/managing-github-copilot-in-your-organization/setting-policies-for-copilot-in-your-organization/managing-policies-for-copilot-in-your-organization',
  ],
  frameworks: {},
  appliesTo: (asset) => asset.settingType === 'github.copilot',
  evaluate(asset) {
    if (asset.values.publicCodeSuggestions !== 'allow') return null;
    return { evidence: { publicCodeSuggestions: 'allow' } };
  },
});
