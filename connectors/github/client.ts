/**
 * Builds the Octokit client for one connection: base URL override (GHES, proxy, sandbox), the
 * scan's counting fetch, the pinned API version, token or App auth, and the throttling and
 * retry plugins tuned to give up rather than sleep for an hour inside a scan.
 */
import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { ClientOptions, ConnectionConfig } from '../../scanner/connector.ts';
import { PeriscopeError } from '../../scanner/errors.ts';
import { type GitHubCredentials, isAppCredentials } from './credentials.ts';
import { githubManifest } from './manifest.ts';

const GitHubOctokit = Octokit.plugin(throttling, retry);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export function createGitHubClient(
  connection: ConnectionConfig,
  credentials: GitHubCredentials,
  options: ClientOptions,
): GitHubClient {
  const { retry: limits } = githubManifest;
  const retryBaseMs = Number(connection.config.retryBaseMs ?? limits.baseMs);
  const log = options.logger.child({ provider: 'github', connectionId: connection.id });

  const octokit = new GitHubOctokit({
    baseUrl: connection.baseUrl ?? githubManifest.defaultBaseUrl,
    userAgent: 'periscope',
    ...authOptions(connection, credentials),
    request: { fetch: options.http.wrapFetch(), signal: options.signal },
    // Octokit logs every 4xx at error level; the scan reports errors itself.
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => log.warn(m),
      error: (m: string) => log.debug(m),
    },
    throttle: {
      id: connection.id,
      retryAfterBaseValue: retryBaseMs,
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        const wait = retryCount < limits.primaryRetries && retryAfter <= limits.maxPrimaryWaitSeconds;
        log.warn({ url: request.url, retryAfter, retryCount, wait }, 'github primary rate limit');
        return wait;
      },
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        log.warn({ url: request.url, retryAfter, retryCount }, 'github secondary rate limit');
        return retryCount < limits.secondaryRetries;
      },
    },
    retry: { retries: limits.retries, retryAfterBaseValue: retryBaseMs },
  });
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
