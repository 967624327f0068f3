import { defineRule } from '../define-rule.ts';
import { geminiLicenseEvidence } from '../gemini-license.ts';

export default defineRule({
  id: 'google-workspace/gemini-license-on-suspended-user',
  title: 'Suspended users hold no Gemini licence',
  description:
    'A suspended user still holds a Gemini / Google AI licence. The seat is paid for and unused, and the dormant account keeps its AI access: restoring it, by mistake or by an attacker with admin access, brings back an assistant over all of its mail and files without a fresh review.',
  remediation:
    'In the Google Admin console go to Directory > Users > the suspended user > Licenses and set the Gemini licence to Unassigned (or revoke it with the Enterprise License Manager API as part of offboarding).',
  severity: 'low',
  provider: 'google-workspace',
  kind: 'setting',
  streams: ['gemini-licenses'],
  references: [
    'https://support.google.com/a/answer/33312',
    'https://support.google.com/a/answer/13864836',
    'https://developers.google.com/workspace/admin/licensing/v1/how-tos/products',
  ],
  frameworks: { soc2: ['CC6.2'], iso27001: ['A.5.18'] },
  appliesTo: (asset) => asset.settingType === 'google-workspace.gemini_license',
  evaluate(asset) {
    const { isAdmin, suspended } = asset.values;
    // suspended null: the directory did not list the user, so we do not know.
    if (suspended !== true) return null;
    return { evidence: { ...geminiLicenseEvidence(asset), isAdmin: isAdmin ?? null } };
  },
});
