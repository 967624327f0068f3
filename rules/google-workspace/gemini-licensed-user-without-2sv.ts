import { defineRule } from '../define-rule.ts';
import { geminiLicenseEvidence } from '../gemini-license.ts';

export default defineRule({
  id: 'google-workspace/gemini-licensed-user-without-2sv',
  title: 'Users with a Gemini licence use 2-Step Verification',
  description:
    "A user holds a Gemini / Google AI licence but is not enrolled in 2-Step Verification. Gemini answers from everything the user can reach in Gmail, Drive and Docs, so a password-only takeover of this account becomes fast, summarised access to the company's data.",
  remediation:
    "In the Google Admin console go to Security > Authentication > 2-Step Verification, set Enforcement to On for the user's organizational unit and have the user enroll; until then remove the licence under Directory > Users > the user > Licenses (set the Gemini licence to Unassigned).",
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['gemini-licenses'],
  references: [
    'https://support.google.com/a/answer/9176657',
    'https://support.google.com/a/answer/13864836',
    'https://developers.google.com/workspace/admin/licensing/v1/how-tos/products',
  ],
  frameworks: {
    scuba: ['GWS.COMMONCONTROLS.1.2v1'],
    cis_google_workspace: ['4.1.1.3'],
    soc2: ['CC6.1'],
    iso27001: ['A.8.5'],
  },
  appliesTo: (asset) => asset.settingType === 'google-workspace.gemini_license',
  evaluate(asset) {
    const { isAdmin, enrolledIn2Sv, suspended, archived } = asset.values;
    // Administrators are google-workspace/gemini-licensed-admin-without-2sv, at a higher severity;
    // an unknown role or enrollment is not judged.
    if (isAdmin !== false || enrolledIn2Sv !== false || suspended === true || archived === true) return null;
    return { evidence: { ...geminiLicenseEvidence(asset), enrolledIn2Sv: false } };
  },
});
