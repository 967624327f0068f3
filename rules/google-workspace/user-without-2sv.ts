import { defineRule } from '../define-rule.ts';
import { isActiveAccount, twoStepEvidence } from '../google-users.ts';

export default defineRule({
  id: 'google-workspace/user-without-2sv',
  title: 'Users use 2-Step Verification',
  description:
    'A user who is not enrolled in 2-Step Verification can be taken over with a phished or reused password, and the attacker reads their mail and Drive and phishes colleagues from a trusted address.',
  remediation:
    'In the Google Admin console go to Security > Authentication > 2-Step Verification, allow users to turn it on, set Enforcement to On (with a short new-user enrollment period) for every organizational unit, and ask the user to enroll.',
  severity: 'high',
  provider: 'google-workspace',
  kind: 'identity',
  streams: ['users'],
  references: ['https://support.google.com/a/answer/9176657', 'https://support.google.com/a/answer/175197'],
  frameworks: {
    scuba: ['GWS.COMMONCONTROLS.1.1v1', 'GWS.COMMONCONTROLS.1.2v1'],
    cis_google_workspace: ['4.1.1.3'],
    soc2: ['CC6.1'],
  },
  // Administrators are google-workspace/admin-without-2sv, at a higher severity.
  appliesTo: (asset) => !asset.isAdmin,
  evaluate(asset) {
    // mfaEnabled null: the directory did not report 2SV enrollment, so we do not know.
    if (asset.mfaEnabled !== false || !isActiveAccount(asset)) return null;
    return { evidence: twoStepEvidence(asset) };
  },
});
