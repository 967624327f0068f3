/**
 * The OAuth apps the simulator's users grant: the background set every generated user draws
 * from, and the few planted ones (sign-in only, an AI app, look-alikes). clientIds are stable
 * so tests can name them.
 */
import type { GoogleOAuthGrant } from './types.ts';

/** Third-party apps users grant access to; clientIds are stable so tests can name them. */
export const OAUTH_APPS: ReadonlyArray<GoogleOAuthGrant> = [
  {
    clientId: '418273650912-7kq2pdfsync.apps.googleusercontent.com',
    displayText: 'PDF Docs Sync',
    scopes: ['https://www.googleapis.com/auth/drive', 'https://mail.google.com/', 'openid'],
    nativeApp: false,
    anonymous: false,
  },
  {
    clientId: '77120933811-slackapp.apps.googleusercontent.com',
    displayText: 'Slack',
    scopes: ['https://www.googleapis.com/auth/calendar.readonly', 'openid', 'email'],
    nativeApp: false,
    anonymous: false,
  },
  {
    clientId: '292824132082.apps.googleusercontent.com',
    displayText: 'ChatGPT',
    scopes: ['https://www.googleapis.com/auth/drive.readonly', 'openid', 'email', 'profile'],
    nativeApp: false,
    anonymous: false,
  },
  {
    clientId: '1070009224336-sdk.apps.googleusercontent.com',
    displayText: 'Google Drive for desktop',
    scopes: ['https://www.googleapis.com/auth/drive'],
    nativeApp: true,
    anonymous: false,
  },
  {
    clientId: 'anonymous',
    displayText: 'anonymous',
    scopes: ['https://www.googleapis.com/auth/gmail.readonly'],
    nativeApp: false,
    anonymous: true,
  },
];

const grant = (clientId: string, displayText: string, scopes: string[]): GoogleOAuthGrant => ({
  clientId,
  displayText,
  scopes,
  nativeApp: false,
  anonymous: false,
});

const AUTH = 'https://www.googleapis.com/auth/';

/** Apps only planted users hold. */
export const PLANTED_APPS = {
  /** A catalogued AI app (the AI catalog knows it by name). */
  otter: grant('814420939301-otterai.apps.googleusercontent.com', 'Otter.ai', [
    `${AUTH}calendar.readonly`,
    `${AUTH}userinfo.email`,
    'openid',
  ]),
  /** Sign-in only: identity scopes and nothing else. */
  intranet: grant('630255121873-intranet.apps.googleusercontent.com', 'Intranet Portal', [
    'openid',
    `${AUTH}userinfo.email`,
    `${AUTH}userinfo.profile`,
  ]),
  /** Neither a data scope class nor sign-in only. */
  tasks: grant('448110027736-tasksboard.apps.googleusercontent.com', 'Tasks Board', [
    `${AUTH}tasks`,
    'openid',
  ]),
  /** Named like an AI app, but a third-party Sheets add-on the AI catalog does not match. */
  sheetsAddon: grant('559021880163-gptsheets.apps.googleusercontent.com', 'ChatGPT for Sheets', [
    `${AUTH}spreadsheets`,
    'email',
  ]),
} as const;

/** Client ids of the AI apps users grant (ChatGPT in OAUTH_APPS, the planted Otter.ai). */
export const AI_APP_CLIENT_IDS: readonly string[] = [
  '292824132082.apps.googleusercontent.com',
  PLANTED_APPS.otter.clientId,
];

export const appNamed = (name: string): GoogleOAuthGrant => {
  const app = OAUTH_APPS.find((a) => a.displayText === name);
  if (!app) throw new Error(`google simulator: no app ${name}`);
  return app;
};
