import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'google-workspace/gemini-user-without-2sv',
  title: 'Gemini users use 2-Step Verification',
  description:
    'A user who uses Gemini in Workspace apps is not enrolled in 2-Step Verification. Gemini answers from everything the user can reach in Gmail, Drive and Docs, so a password-only takeover of this account turns into fast, summarised access to company data.',
  remediation:
    "In the Google Admin console go to Security > Authentication > 2-Step Verification, set Enforcement to On for the user's organizational unit and have the user enroll; until then, turn Gemini off for them under Apps > Google Workspace > Gemini (or remove their Gemini license).",
  severity: 'high',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['gemini-usage'],
  references: ['https://support.google.com/a/answer/9176657', 'https://support.google.com/a/answer/175197'],
  frameworks: {
    scuba: ['GWS.COMMONCONTROLS.1.2v1'],
    cis_google_workspace: ['4.1.1.3'],
    soc2: ['CC6.1'],
  },
  appliesTo: (asset) => asset.settingType === 'google-workspace.gemini_user',
  evaluate(asset) {
    const { email, lastUsedAt, events, enrolledIn2Sv, suspended } = asset.values;
    // enrolledIn2Sv null: the directory did not say, so we do not know.
    if (enrolledIn2Sv !== false || suspended === true) return null;
    return {
      evidence: {
        email: email ?? asset.name,
        enrolledIn2Sv: false,
        lastUsedAt: lastUsedAt ?? null,
        events: events ?? null,
      },
    };
  },
});
