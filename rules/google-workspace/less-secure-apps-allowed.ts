import { defineRule } from '../define-rule.ts';
import { judgePolicyField } from '../google-policies.ts';

export default defineRule({
  id: 'google-workspace/less-secure-apps-allowed',
  title: 'Access to less secure apps is disabled',
  description:
    'Less secure apps sign in with a bare password over IMAP, POP, SMTP or legacy sync, bypassing 2-Step Verification, so a phished or sprayed password alone opens the mailbox.',
  remediation:
    'In the Google Admin console open Security > Overview > Less secure apps and choose "Disable access to less secure apps", for every organizational unit and group that overrides it; move the remaining clients to OAuth.',
  severity: 'high',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/6260879',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/commoncontrols.md',
  ],
  frameworks: { scuba: ['GWS.COMMONCONTROLS.10.5v1'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.security.less_secure_apps',
  evaluate(asset) {
    // Google documents "disabled" as the value a root policy without the field has.
    return judgePolicyField(asset, 'allowLessSecureApps', {
      default: false,
      compliant: (on) => on === false,
    });
  },
});
