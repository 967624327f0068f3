import { defineRule } from '../define-rule.ts';
import { geminiLicenseEvidence } from '../gemini-license.ts';

export default defineRule({
  id: 'google-workspace/gemini-licensed-admin-without-2sv',
  title: 'Administrators with a Gemini licence use 2-Step Verification',
  description:
    'A super or delegated administrator holds a Gemini / Google AI licence but is not enrolled in 2-Step Verification. A phished password then gives an attacker both the Admin console and an assistant that searches and summarises everything the admin can reach in Gmail, Drive and Docs.',
  remediation:
    "In the Google Admin console go to Security > Authentication > 2-Step Verification, set Enforcement to On for the admin's organizational unit or group (preferably security keys only) and have the admin enroll; until then remove the licence under Directory > Users > the admin > Licenses (set the Gemini licence to Unassigned).",
  severity: 'high',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['gemini-licenses'],
  references: [
    'https://support.google.com/a/answer/9176657',
    'https://support.google.com/a/answer/13864836',
    'https://developers.google.com/workspace/admin/licensing/v1/how-tos/products',
  ],
  frameworks: {
    scuba: ['GWS.COMMONCONTROLS.1.1v1', 'GWS.COMMONCONTROLS.1.2v1'],
    cis_google_workspace: ['4.1.1.1'],
    soc2: ['CC6.1'],
    iso27001: ['A.8.5'],
  },
  appliesTo: (asset) => asset.settingType === 'google-workspace.gemini_license',
  evaluate(asset) {
    const { isAdmin, enrolledIn2Sv, suspended, archived } = asset.values;
    // Unknown role or enrollment (a user the directory did not list) is not judged; accounts
    // that cannot sign in are google-workspace/gemini-license-on-suspended-user's concern.
    if (isAdmin !== true || enrolledIn2Sv !== false || suspended === true || archived === true) return null;
    return { evidence: { ...geminiLicenseEvidence(asset), enrolledIn2Sv: false } };
  },
});
