/**
 * `startGitHubSimulator`: a GitHub REST API (GHES-style `/api/v3` prefix by default) over a
 * generated org, for connector tests, `periscope demo` and the benchmark. Point Octokit at
 * `baseUrl` with `token` (an org owner's classic PAT) or with `app` through @octokit/auth-app.
 */
import { createFaultInjector, type FaultInjector } from '../faults.ts';
import { type SandboxHost, startSandboxHost } from '../host.ts';
import { createRandom } from '../random.ts';
import { createRequestCounter, type RequestCounter } from '../request-counter.ts';
import { createRouter } from '../router.ts';
import { createGitHubAuth, sharedAppKeys } from './auth.ts';
import { createGitHubDispatcher } from './dispatch.ts';
import { type GitHubTenantSize, generateGitHubTenant } from './generate.ts';
import { createInstallPages } from './install-page.ts';
import { createGitHubMutations, type GitHubMutations } from './mutate.ts';
import { findGitHubViolations } from './oracle.ts';
import { createRateLimiter } from './rate-limit.ts';
import type { GitHubRoute } from './route-types.ts';
import { appRoutes, rateLimitBody } from './routes-app.ts';
import { inventoryRoutes } from './routes-inventory.ts';
import { orgRoutes } from './routes-org.ts';
import type { GitHubTenant, Planted } from './types.ts';

export interface GitHubSimulatorOptions {
  /** PRNG seed; the same seed gives the same tenant, tokens aside. Default 1. */
  seed?: number;
  /** How big the org is. Default ~25 repos, ~40 members. */
  size?: GitHubTenantSize;
  /** GitHub Enterprise Cloud: `false` makes `/orgs/{org}/credential-authorizations` 404. Default true. */
  ghec?: boolean;
  /** Timestamps are generated relative to this. Default: now. */
  now?: Date;
  /** API path prefix. Default `/api/v3` (GHES style), so `baseUrl` = `${origin}/api/v3`. */
  pathPrefix?: string;
  /** Primary rate limit per identity per hour. Default 5000. */
  rateLimit?: { limit: number };
  /** Generate an org without any violation (`planted` is empty). Default false. */
  clean?: boolean;
  /** Org login. Default `acme`. */
  org?: string;
  /** Serve over HTTPS with a self-signed certificate (see `caPem`). Ignored with `host`. */
  https?: boolean;
  /** Mount into an existing sandbox host instead of starting one (close() then leaves it running). */
  host?: SandboxHost;
}

export interface GitHubSimulator {
  /** Octokit `baseUrl`: origin + path prefix. */
  baseUrl: string;
  origin: string;
  org: string;
  /** Classic PAT of an org owner. */
  token: string;
  /** Classic PAT of a plain member: owner-only calls are refused. */
  memberToken: string;
  /**
   * The scanner's GitHub App, installed on the org; feed these to @octokit/auth-app. Its
   * installation page is `${origin}/apps/<slug>/installations/new`; set `setupUrl` to where that
   * page sends the browser back (the App's setup URL).
   */
  app: { appId: number; slug: string; privateKey: string; installationId: number; setupUrl?: string };
  /** Violations the generator planted (empty with `clean`). Not updated by mutations. */
  planted: Planted[];
  /** The generated data, live and mutable. */
  tenant: GitHubTenant;
  mutate: GitHubMutations;
  /** Violations present in the tenant right now (re-derived after mutations). */
  expectedViolations(): Planted[];
  now: Date;
  requests: RequestCounter;
  faults: FaultInjector;
  /** Self-signed CA/certificate PEM when served over HTTPS. */
  caPem?: string;
  /** Invalidates every installation token issued so far. */
  revokeInstallationTokens(): void;
  close(): Promise<void>;
}

export async function startGitHubSimulator(options: GitHubSimulatorOptions = {}): Promise<GitHubSimulator> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? 1;
  const { tenant, planted } = generateGitHubTenant({
    seed,
    size: options.size,
    now,
    clean: options.clean,
    org: options.org,
  });
  const keys = await sharedAppKeys();
  const owner = tenant.members[0];
  const member = tenant.members.find((m) => m.role === 'member') ?? owner;
  if (!owner || !member) throw new Error('github simulator: the org needs at least one member');
  const auth = createGitHubAuth({
    random: createRandom(seed).fork('tokens'),
    appId: tenant.scannerApp.appId,
    installationId: tenant.scannerApp.installationId,
    keys,
    owner,
    member,
  });
  const limiter = createRateLimiter(options.rateLimit?.limit ?? 5000);
  const faults = createFaultInjector();
  const requests = createRequestCounter();

  const router = createRouter<GitHubRoute>();
  const rateLimitRoute: GitHubRoute = {
    method: 'GET',
    template: '/rate_limit',
    access: 'any',
    free: true,
    handle: (call) => ({ status: 200, body: rateLimitBody(call, limiter.peek(call.identity.rateKey)) }),
  };
  for (const route of [...orgRoutes, ...inventoryRoutes, ...appRoutes, rateLimitRoute]) {
    router.add(route.method, route.template, route);
  }

  const host = options.host ?? (await startSandboxHost({ https: options.https }));
  const prefix = options.pathPrefix ?? '/api/v3';
  host.mount(
    prefix,
    createGitHubDispatcher({
      router,
      tenant: () => tenant,
      auth,
      limiter,
      faults,
      requests,
      ghec: options.ghec ?? true,
    }),
  );

  const app: GitHubSimulator['app'] = {
    appId: tenant.scannerApp.appId,
    slug: tenant.scannerApp.slug,
    privateKey: keys.privateKeyPem,
    installationId: tenant.scannerApp.installationId,
  };
  host.mount(
    `/apps/${app.slug}/installations`,
    createInstallPages(app, () => tenant),
  );

  return {
    baseUrl: `${host.baseUrl}${prefix.replace(/\/+$/, '')}`,
    origin: host.baseUrl,
    org: tenant.org.login,
    token: auth.ownerToken,
    memberToken: auth.memberToken,
    app,
    planted,
    tenant,
    mutate: createGitHubMutations(tenant),
    expectedViolations: () => findGitHubViolations(tenant, now),
    now,
    requests,
    faults,
    caPem: host.caPem,
    revokeInstallationTokens: () => auth.revokeInstallationTokens(),
    close: () => (options.host ? Promise.resolve() : host.close()),
  };
}
