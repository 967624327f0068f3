import { defineRule } from '../define-rule.ts';
import {
  appGrantEvidence,
  isApprovedApp,
  isDocsOrCalendarScope,
  isDriveOrGmailScope,
} from '../google-apps.ts';

export default defineRule({
  id: 'google-workspace/app-docs-calendar-access',
  title: 'Third-party apps with Docs, Sheets, Slides or Calendar access are approved',
  description:
    'A user granted a third-party app access to Google Docs, Sheets, Slides or Calendar, and the security team has not approved the app. It can read (or change) the documents and meetings the user can, which often hold plans, customer data and links to more.',
  remediation:
    "Review the app in the Google Admin console under Security > Access and data control > API controls > Manage third-party app access: mark it Trusted or Limited if it is needed (and approve it in Periscope), or Blocked, then revoke existing tokens from the users' Security > Connected applications.",
  severity: 'medium',
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
    // A grant that also reaches Drive or Gmail is google-workspace/app-drive-or-gmail-access.
    if (asset.scopes.some(isDriveOrGmailScope)) return null;
    const scopes = asset.scopes.filter(isDocsOrCalendarScope);
    if (scopes.length === 0 || isApprovedApp(asset, ctx.policy)) return null;
    return { evidence: appGrantEvidence(asset, scopes) };
  },
});
