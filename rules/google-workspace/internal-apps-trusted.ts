import { defineRule } from '../define-rule.ts';
import { judgePolicyField } from '../google-policies.ts';

export default defineRule({
  id: 'google-workspace/internal-apps-trusted',
  title: 'Internal apps are not trusted automatically',
  description:
    'With "Trust internal apps" on, any OAuth app owned by the organization may request any scope over every user\'s data without review, so one compromised developer account can publish an app that reads mail and Drive tenant-wide.',
  remediation:
    'In the Google Admin console open Security > Access and data control > API controls > Settings > Internal apps and clear "Trust internal apps", for every organizational unit that overrides it; trust the internal apps you rely on one by one.',
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/7281227',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/commoncontrols.md',
  ],
  frameworks: { scuba: ['GWS.COMMONCONTROLS.10.3v1'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.api_controls.internal_apps',
  evaluate(asset) {
    // No default is documented for this field: a root policy without it tells us nothing.
    return judgePolicyField(asset, 'trustInternalApps', {
      compliant: (trusted) => trusted === false,
      undisclosedSeverity: 'low',
    });
  },
});
