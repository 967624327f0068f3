import { defineRule } from '../define-rule.ts';
import { appGrantEvidence } from '../google-apps.ts';

export default defineRule({
  id: 'google-workspace/suspended-user-holds-grants',
  title: 'Suspended users hold no OAuth grants',
  description:
    "A suspended user still has OAuth tokens issued to a third-party app. Suspension blocks sign-in, but the grant stays on the account: when the account is restored, or if the app keeps a refresh token, it reaches the user's data again without anyone reviewing it.",
  remediation:
    "In the Google Admin console open Directory > Users > the suspended user > Security > Connected applications and revoke the app's access, or remove the user's tokens with the Directory API (tokens.delete) as part of offboarding.",
  severity: 'medium',
  provider: 'google-workspace',
  kind: 'oauth_grant',
  streams: ['oauth-tokens'],
  references: ['https://support.google.com/a/answer/33312', 'https://support.google.com/a/answer/7281227'],
  frameworks: { cis_google_workspace: ['4.2.1.2'], soc2: ['CC6.2'], iso27001: ['A.5.18'] },
  appliesTo: (asset) => asset.principalType === 'user',
  evaluate(asset) {
    if (asset.attributes.principalSuspended !== true) return null;
    return { evidence: appGrantEvidence(asset, asset.scopes) };
  },
});
