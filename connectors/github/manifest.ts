/**
 * Vendor facts about GitHub, as data: where the API lives, how to authenticate, what each
 * stream needs, and which headers steer retries. Code reads these instead of repeating them.
 */

export const githubManifest = {
  provider: 'github',
  /** Octokit's own default; GitHub Enterprise Server is `https://HOST/api/v3`. */
  defaultBaseUrl: 'https://api.github.com',
  /** Pinned REST version; 2026-03-10 drops fields we read (see research notes). */
  apiVersion: '2022-11-28',
  authModes: ['token', 'github_app'] as const,
  /** Largest page size GitHub accepts on list endpoints. */
  perPage: 100,
  verify: { method: 'GET', path: '/orgs/{org}' },
  rateLimitHeaders: {
    limit: 'x-ratelimit-limit',
    remaining: 'x-ratelimit-remaining',
    reset: 'x-ratelimit-reset',
    resource: 'x-ratelimit-resource',
    retryAfter: 'retry-after',
    /** Echoes the fine-grained permission an endpoint wanted, on 403s. */
    acceptedPermissions: 'x-accepted-github-permissions',
  },
  /** GitHub's secondary-limit responses say so in the message (the signal Octokit's own throttling uses too). */
  secondaryRateLimitPattern: /\bsecondary rate\b/i,
  retry: {
    /** Secondary-limit retries; each waits the server's retry-after. */
    secondaryRetries: 3,
    /** Primary-limit retries, only when the reset is near enough to wait for in-process. */
    primaryRetries: 1,
    maxPrimaryWaitSeconds: 120,
    /** 5xx/429/dropped-connection retries, waiting retry-after or (n+1)^2 × base. */
    retries: 3,
    baseMs: 1000,
    /** Requests in flight per connection. */
    maxConcurrent: 10,
  },
  /** Bounded fan-out for per-repository calls (the 100-concurrent secondary limit is shared). */
  repoConcurrency: 8,
  /** Repositories per deploy-key batch: one database round trip and checkpoint per batch. */
  repoBatchSize: 100,
  /** GitHub App permissions each stream needs (read-only). PAT users need an org owner's token. */
  appPermissions: {
    'org-settings': { organization_administration: 'read' },
    members: { members: 'read' },
    'outside-collaborators': { members: 'read' },
    repos: { metadata: 'read' },
    'deploy-keys': { administration: 'read', metadata: 'read' },
    installations: { organization_administration: 'read' },
    'saml-credentials': { organization_administration: 'read' },
    'pat-grants': {
      organization_personal_access_tokens: 'read',
      organization_personal_access_token_requests: 'read',
    },
    webhooks: { organization_hooks: 'read' },
    actions: { organization_administration: 'read' },
    'secret-scanning-alerts': { secret_scanning_alerts: 'read' },
    copilot: { organization_copilot_seat_management: 'read' },
  },
} as const;

export type GitHubStreamName = keyof typeof githubManifest.appPermissions;
