import { defineRule } from '../define-rule.ts';
import { judgePolicyField } from '../google-policies.ts';

export default defineRule({
  id: 'google-workspace/unconfigured-third-party-apps-allowed',
  title: 'Users cannot sign in to unconfigured third-party apps',
  description:
    'Apps an administrator has not configured (trusted, limited or blocked) are by definition unreviewed. Letting users reach them, even with "Sign in with Google" scopes only, lets any app obtain an identity and a foothold in the tenant without review.',
  remediation:
    'In the Google Admin console open Security > Access and data control > API controls > Settings > Unconfigured third-party apps and choose "Don\'t allow users to access any third-party apps", for every organizational unit that overrides it; trust the apps you need under Manage third-party app access.',
  severity: 'high',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/7281227',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/commoncontrols.md',
  ],
  frameworks: { scuba: ['GWS.COMMONCONTROLS.10.4v1'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.api_controls.unconfigured_third_party_apps',
  evaluate(asset) {
    // No default is documented for this field: a root policy without it tells us nothing.
    return judgePolicyField(asset, 'accessLevel', {
      compliant: (level) => level === 'BLOCK_ALL_SCOPES',
      undisclosedSeverity: 'low',
    });
  },
});
