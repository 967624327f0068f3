/**
 * Builds the Octokit client for one connection: base URL override (GHES, proxy, sandbox), the
 * scan's counting fetch, the pinned API version, token or App auth, and GitHub's rate-limit and
 * retry rules (request-policy.ts), tuned to give up rather than sleep for an hour inside a scan.
 */
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import type { ClientOptions, ConnectionConfig } from '../../scanner/connector.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { type GitHubCredentials, isAppCredentials } from './credentials.ts';
import { githubManifest } from './manifest.ts';
import { installRequestPolicy } from './request-policy.ts';

export type GitHubClient = Octokit;

export function createGitHubClient(
  connection: ConnectionConfig,
  credentials: GitHubCredentials,
  options: ClientOptions,
): GitHubClient {
  const { retry: limits } = githubManifest;
  const retryBaseMs = Number(connection.config.retryBaseMs ?? limits.baseMs);
  const log = options.logger.child({ provider: 'github', connectionId: connection.id });

  const octokit = new Octokit({
    baseUrl: connection.baseUrl ?? githubManifest.defaultBaseUrl,
    userAgent: 'periscope',
    ...authOptions(connection, credentials),
    // The scan's abort signal is checked before each request (request-policy.ts), not handed to
    // fetch: one signal shared by thousands of fetches would collect a listener per request.
    request: { fetch: options.http.wrapFetch() },
    // Octokit logs every 4xx at error level; the scan reports errors itself.
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => log.warn(m),
      error: (m: string) => log.debug(m),
    },
  });
  installRequestPolicy(octokit, { ...limits, baseMs: retryBaseMs }, log, options.signal);
  octokit.hook.before('request', (request) => {
    request.headers['x-github-api-version'] = githubManifest.apiVersion;
  });
  return octokit;
}

function authOptions(connection: ConnectionConfig, credentials: GitHubCredentials) {
  if (!isAppCredentials(credentials)) return { auth: credentials.token };
  const installationId = connection.config.installationId;
  if (!installationId) {
    throw new PeriscopeError(
      'config_invalid',
      'github: App credentials need the installationId of the App on the org',
    );
  }
  return {
    authStrategy: createAppAuth,
    auth: {
      appId: credentials.appId,
      privateKey: credentials.privateKey,
      installationId: Number(installationId),
    },
  };
}
