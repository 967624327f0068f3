import { defineRule } from '../define-rule.ts';
import { appGrantEvidence, isApprovedApp, isDriveOrGmailScope } from '../google-apps.ts';

export default defineRule({
  id: 'google-workspace/app-drive-or-gmail-access',
  title: 'Third-party apps with Drive or Gmail access are approved',
  description:
    "A user granted a third-party app access to Google Drive or Gmail, and the security team has not approved the app. Drive scopes let it read (or change) the user's files, Gmail scopes their mail; a compromised or malicious app exfiltrates both.",
  remediation:
    "Review the app in the Google Admin console under Security > Access and data control > API controls > Manage third-party app access: mark it Trusted or Limited if it is needed (and approve it in Periscope), or Blocked, then revoke existing tokens from the users' Security > Connected applications.",
  severity: 'high',
  provider: 'google-workspace',
  kind: 'oauth_grant',
  streams: ['oauth-tokens'],
  references: ['https://support.google.com/a/answer/7281227'],
  frameworks: {
    scuba: ['GWS.COMMONCONTROLS.10.1v1', 'GWS.COMMONCONTROLS.10.4v1'],
    cis_google_workspace: ['4.2.1.1', '4.2.1.2'],
    soc2: ['CC6.1', 'CC9.2'],
  },
  evaluate(asset, ctx) {
    const scopes = asset.scopes.filter(isDriveOrGmailScope);
    if (scopes.length === 0 || isApprovedApp(asset, ctx.policy)) return null;
    return { evidence: appGrantEvidence(asset, scopes) };
  },
});
