import { defineRule } from '../define-rule.ts';
import { appGrantEvidence, isApprovedApp, isSignInScope } from '../google-apps.ts';

export default defineRule({
  id: 'google-workspace/app-sign-in-only',
  title: 'Apps users sign in to with Google are approved',
  description:
    'A user signs in to a third-party app with their Google account (openid, email and profile only). The app gets no mail or files, but it is a service holding company identities and probably company data that the security team has not reviewed.',
  remediation:
    "Review the app under Security > Access and data control > API controls > Manage third-party app access in the Google Admin console; approve it in Periscope if it is sanctioned, or block it and revoke the users' access. Turn off user consent to low-risk scopes for untrusted apps to stop new ones.",
  severity: 'low',
  provider: 'google-workspace',
  kind: 'oauth_grant',
  streams: ['oauth-tokens'],
  references: ['https://support.google.com/a/answer/7281227'],
  frameworks: {
    scuba: ['GWS.COMMONCONTROLS.10.2v1', 'GWS.COMMONCONTROLS.10.4v1'],
    cis_google_workspace: ['4.2.1.2'],
    soc2: ['CC9.2'],
  },
  // No scopes at all is unknown, not sign-in only.
  appliesTo: (asset) => asset.scopes.length > 0,
  evaluate(asset, ctx) {
    if (!asset.scopes.every(isSignInScope) || isApprovedApp(asset, ctx.policy)) return null;
    return { evidence: appGrantEvidence(asset, asset.scopes) };
  },
});
