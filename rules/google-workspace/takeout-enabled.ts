import { defineRule } from '../define-rule.ts';
import { judgePolicyField } from '../google-policies.ts';

const SERVICE = 'google-workspace.takeout.service_status';
/** `settings/<app>.user_takeout`: Takeout for a service with its own admin control (YouTube, Photos …). */
const PER_APP = /^google-workspace\.([a-z0-9_]+)\.user_takeout$/;

export default defineRule({
  id: 'google-workspace/takeout-enabled',
  title: 'Google Takeout is disabled for users',
  description:
    'Google Takeout lets a user download a copy of their data from Google services in one archive. In an organization it is a ready-made mass-exfiltration tool for a departing employee or a hijacked account, and the organization keeps its own backups.',
  remediation:
    'In the Google Admin console open Data > Data import & export > Google Takeout > User access to Takeout for Google services: set "Services without an individual admin control" to "Don\'t allow for everyone", and set each service with its own control to "Don\'t allow", for every organizational unit and group that overrides them.',
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/6396995',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/commoncontrols.md',
  ],
  frameworks: { scuba: ['GWS.COMMONCONTROLS.12.1v1'] },
  appliesTo: (asset) => asset.settingType === SERVICE || PER_APP.test(asset.settingType),
  evaluate(asset) {
    const field = asset.settingType === SERVICE ? 'serviceState' : 'takeoutStatus';
    // No default is documented for these fields: a root policy without it tells us nothing.
    return judgePolicyField(asset, field, {
      compliant: (state) => typeof state === 'string' && state.toUpperCase() === 'DISABLED',
      extra: {
        service: PER_APP.exec(asset.settingType)?.[1] ?? 'services without an individual admin control',
      },
      undisclosedSeverity: 'low',
    });
  },
});
