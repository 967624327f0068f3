/**
 * GitHub App installation (research §1.15–1.16): the installation page sends the browser back to
 * the App's setup URL with `installation_id`, which anyone can type (GitHub says so). The callback
 * therefore asks GitHub, as the App (JWT), for that installation and accepts it only when it is
 * this App's installation on the org the flow was started for.
 */
import { createSign } from 'node:crypto';
import type { z } from 'zod';
import { ApiError } from '../errors.ts';
import type { GitHubAppSettings } from './config.ts';
import { vendorCall, vendorReason } from './http.ts';
import type { ConnectionDraft } from './service.ts';

type Settings = z.infer<typeof GitHubAppSettings>;

export function githubAuthorizationUrl(app: Settings, input: { state: string }): string {
  const url = new URL(`${app.webUrl.replace(/\/+$/, '')}/apps/${app.slug}/installations/new`);
  url.searchParams.set('state', input.state);
  return url.toString();
}

/** The App's JWT (RS256, nine minutes, issued a minute back for clock drift). */
export function appJwt(appId: string, privateKey: string, now = Date.now()): string {
  const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(now / 1000) - 60;
  const body = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc({ iat, exp: iat + 600, iss: appId })}`;
  const signature = createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url');
  return `${body}.${signature}`;
}

export async function completeGitHub(
  app: Settings,
  input: { installationId: string; org: string },
): Promise<ConnectionDraft> {
  const api = app.apiBaseUrl.replace(/\/+$/, '');
  const found = await vendorCall(`${api}/app/installations/${input.installationId}`, {
    method: 'GET',
    headers: {
      authorization: `Bearer ${appJwt(app.appId, app.privateKey ?? '')}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'periscope-connect',
    },
  });
  if (found.status === 404)
    throw new ApiError(
      'forbidden',
      `installation ${input.installationId} is not an installation of the ${app.slug} App`,
      { field: 'installation_id' },
    );
  if (found.status !== 200)
    throw new ApiError('vendor_error', `GitHub answered ${found.status}: ${vendorReason(found.body)}`);
  const account = found.body.account as { login?: unknown } | null | undefined;
  const login = typeof account?.login === 'string' ? account.login : '';
  if (login.toLowerCase() !== input.org.toLowerCase())
    throw new ApiError(
      'forbidden',
      `installation ${input.installationId} belongs to ${login || 'another account'}, not to ${input.org}, the org this flow was started for`,
      { field: 'installation_id' },
    );
  const config: Record<string, string> = { org: login, installationId: input.installationId };
  return {
    name: `github:${login}`,
    provider: 'github',
    baseUrl: api === 'https://api.github.com' ? null : api,
    config,
    credentials: { appId: app.appId, privateKey: app.privateKey },
  };
}
