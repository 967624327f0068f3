/**
 * The Google Workspace connector: a service account with domain-wide delegation impersonates
 * the admin (Directory, Reports, Policy API) and each user (Drive); an OAuth-connected admin
 * reads the directory and settings streams. See MODEL.md for what each stream yields.
 */
import { defineConnector } from '../../scanner/connector.ts';
import { createGoogleWorkspaceClient, type GoogleWorkspaceClient } from './client.ts';
import { fetchGoogleContent } from './content.ts';
import { GoogleWorkspaceConfig, GoogleWorkspaceCredentials } from './credentials.ts';
import { SCOPES } from './scopes.ts';
import { driveStream } from './streams/drive.ts';
import { geminiLicensesStream } from './streams/gemini-licenses.ts';
import { geminiUsageStream } from './streams/gemini-usage.ts';
import { oauthTokensStream } from './streams/oauth-tokens.ts';
import { settingsStream } from './streams/settings.ts';
import { usersStream } from './streams/users.ts';

export type { GoogleWorkspaceClient } from './client.ts';
export { GoogleWorkspaceConfig, GoogleWorkspaceCredentials } from './credentials.ts';

export const googleWorkspaceConnector = defineConnector<GoogleWorkspaceCredentials, GoogleWorkspaceClient>({
  provider: 'google-workspace',
  credentials: GoogleWorkspaceCredentials,
  config: GoogleWorkspaceConfig,
  createClient: createGoogleWorkspaceClient,
  // Longest first: the per-user Drive fan-out starts while the other streams share the second lane.
  streams: [
    driveStream,
    oauthTokensStream,
    usersStream,
    settingsStream,
    geminiUsageStream,
    geminiLicensesStream,
  ],
  async verify(ctx) {
    const session = ctx.client.asAdmin([SCOPES.directoryUsers]);
    const directory = session.directory();
    await session.call('GET /admin/directory/v1/users', () =>
      directory.users.list({ customer: ctx.client.customer, maxResults: 1, fields: 'users(id)' }),
    );
  },
  fetchContent: fetchGoogleContent,
  // Drive allows 12,000 queries a minute per user; downloads are heavier, stay well below.
  contentRatePerSecond: 10,
});
