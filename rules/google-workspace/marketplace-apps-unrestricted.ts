import { defineRule } from '../define-rule.ts';
import { policyViolation, readPolicy } from '../google-policies.ts';

/** Google's documented values when the root policy omits a field. */
const DEFAULTS: Record<string, unknown> = { accessLevel: 'ALLOW_ALL', allowAllInternalApps: false };
const FIELDS = ['accessLevel', 'allowAllInternalApps'];

export default defineRule({
  id: 'google-workspace/marketplace-apps-unrestricted',
  title: 'Only allowlisted Google Workspace Marketplace apps can be installed',
  description:
    "When users may install any Marketplace app, or any internal app beside the allowlist, apps nobody reviewed get OAuth access to mail, Drive and calendars; a malicious or compromised app then reads data on every installing user's behalf.",
  remediation:
    'In the Google Admin console open Apps > Google Workspace Marketplace apps > Settings, choose "Allow users to install and run allowlisted apps from the Marketplace" (or block all) and clear "Allow exception for internal apps", for every organizational unit that overrides it.',
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['settings'],
  references: [
    'https://support.google.com/a/answer/6089179',
    'https://github.com/cisagov/ScubaGoggles/blob/main/scubagoggles/baselines/commoncontrols.md',
  ],
  frameworks: { scuba: ['GWS.COMMONCONTROLS.11.1v1'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.workspace_marketplace.apps_access_options',
  evaluate(asset) {
    const policy = readPolicy(asset, DEFAULTS);
    const level = policy.read('accessLevel');
    const internal = policy.read('allowAllInternalApps');
    if (level === 'ALLOW_NONE') return null;
    // An override that inherits the level: the internal-app exception matters if the parent allowlists.
    if (level === null && internal !== true) return null;
    if (level === 'ALLOW_LISTED_APPS' && internal === false) return null;
    return policyViolation(policy, FIELDS, { undisclosedSeverity: 'low' });
  },
});
