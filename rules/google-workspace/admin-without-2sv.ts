import { defineRule } from '../define-rule.ts';
import { isActiveAccount, twoStepEvidence } from '../google-users.ts';

export default defineRule({
  id: 'google-workspace/admin-without-2sv',
  title: 'Administrators use 2-Step Verification',
  description:
    'A super or delegated administrator who is not enrolled in 2-Step Verification can be taken over with a password alone, and the attacker gets the admin console: users, settings, data and the power to hide their tracks.',
  remediation:
    'In the Google Admin console go to Security > Authentication > 2-Step Verification, turn enforcement on for the organizational unit or group holding the admins (preferably security keys only), and have the admin enroll; until then, remove the admin role or suspend the account.',
  severity: 'critical',
  provider: 'google-workspace',
  kind: 'identity',
  streams: ['users'],
  references: ['https://support.google.com/a/answer/9176657', 'https://support.google.com/a/answer/175197'],
  frameworks: {
    scuba: ['GWS.COMMONCONTROLS.1.1v1', 'GWS.COMMONCONTROLS.1.2v1'],
    cis_google_workspace: ['4.1.1.1'],
    soc2: ['CC6.1'],
  },
  appliesTo: (asset) => asset.isAdmin,
  evaluate(asset) {
    // mfaEnabled null: the directory did not report 2SV enrollment, so we do not know.
    if (asset.mfaEnabled !== false || !isActiveAccount(asset)) return null;
    return { evidence: twoStepEvidence(asset) };
  },
});
