/**
 * Google Workspace, OAuth web-server flow (research §1.14): consent with offline access and
 * prompt=consent so a refresh token comes back, PKCE S256; the callback exchanges the code with
 * the verifier and the client secret. The connection is the connector's OAuth-admin mode, which
 * reads the directory, tokens, audit reports, policies and licences (Drive needs delegation).
 */

import type { z } from 'zod';
import { SCOPES } from '../../connectors/google-workspace/scopes.ts';
import { ApiError } from '../errors.ts';
import type { GoogleAppSettings } from './config.ts';
import { vendorCall, vendorReason } from './http.ts';
import type { ConnectionDraft } from './service.ts';

type Settings = z.infer<typeof GoogleAppSettings>;

/** What the OAuth-admin mode reads (connectors/google-workspace/scopes.ts, Drive left out). */
export const googleConnectScopes = [
  SCOPES.directoryUsers,
  SCOPES.directoryTokens,
  SCOPES.reports,
  SCOPES.policies,
  SCOPES.licensing,
];

export function googleAuthorizationUrl(
  app: Settings,
  input: { state: string; redirectUri: string; codeChallenge: string; adminEmail: string },
): string {
  const url = new URL(app.authUrl);
  url.search = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: input.redirectUri,
    response_type: 'code',
    scope: googleConnectScopes.join(' '),
    access_type: 'offline',
    prompt: 'consent',
    include_granted_scopes: 'true',
    login_hint: input.adminEmail,
    state: input.state,
    code_challenge: input.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export async function completeGoogle(
  app: Settings,
  input: { code: string; codeVerifier: string; redirectUri: string; adminEmail: string },
): Promise<ConnectionDraft> {
  const exchanged = await vendorCall(app.tokenUrl, {
    method: 'POST',
    form: new URLSearchParams({
      grant_type: 'authorization_code',
      code: input.code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
    }),
  });
  if (exchanged.status !== 200)
    throw new ApiError(
      'vendor_auth_failed',
      `Google refused the authorization code: ${vendorReason(exchanged.body)}`,
      {
        status: exchanged.status,
      },
    );
  const refreshToken = exchanged.body.refresh_token;
  if (typeof refreshToken !== 'string' || refreshToken === '')
    throw new ApiError(
      'vendor_auth_failed',
      'Google returned no refresh token (offline access was not granted); start the connect flow again',
    );
  const config: Record<string, string> = { adminEmail: input.adminEmail, customerId: 'my_customer' };
  if (app.tokenUrl !== 'https://oauth2.googleapis.com/token') config.tokenUrl = app.tokenUrl;
  return {
    name: `google-workspace:${input.adminEmail.split('@')[1] ?? input.adminEmail}`,
    provider: 'google-workspace',
    baseUrl: app.apiBaseUrl ?? null,
    config,
    credentials: { clientId: app.clientId, clientSecret: app.clientSecret, refreshToken },
  };
}
