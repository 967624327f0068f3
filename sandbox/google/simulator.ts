/**
 * `startGoogleSimulator`: Google's OAuth token endpoint, the Admin SDK Directory and Reports
 * APIs, the Enterprise License Manager API and Drive v3 over a generated Workspace tenant. Routes live at the real paths because googleapis keeps
 * only the origin of `rootUrl`; the service-account JWT token call must be redirected to
 * `tokenUrl` (google-auth-library hard-codes oauth2.googleapis.com).
 */
import { createFaultInjector, type FaultInjector } from '../faults.ts';
import { type SandboxHost, startSandboxHost } from '../host.ts';
import { createRequestCounter, type RequestCounter } from '../request-counter.ts';
import { createRouter } from '../router.ts';
import { createGoogleAuth, type GoogleAuthState, type ServiceAccountKey, type WebClient } from './auth.ts';
import { createGoogleDispatcher, googleFaultBody } from './dispatch.ts';
import { type GoogleTenantSize, generateGoogleTenant } from './generate.ts';
import { createGoogleMutations, type GoogleMutations } from './mutate.ts';
import { createGoogleQuota, type GoogleQuota, type GoogleQuotaOptions } from './quota.ts';
import type { GoogleRoute } from './route-types.ts';
import { changeRoutes } from './routes-changes.ts';
import { directoryRoutes } from './routes-directory.ts';
import { fileRoutes } from './routes-files.ts';
import { licensingRoutes } from './routes-licensing.ts';
import { policyRoutes } from './routes-policies.ts';
import { reportRoutes } from './routes-reports.ts';
import type { GoogleTenant } from './types.ts';

export interface GoogleSimulatorOptions {
  /** PRNG seed; the same seed gives the same tenant (keys and tokens aside). Default 1. */
  seed?: number;
  size?: GoogleTenantSize;
  /** Timestamps are generated relative to this. Default: now. */
  now?: Date;
  /** Serve HTTPS with a self-signed certificate (see `caPem`). Ignored with `host`. */
  https?: boolean;
  /** Mount into an existing sandbox host (its root path) instead of starting one. */
  host?: SandboxHost;
  /** Scopes the service account is granted under domain-wide delegation. Default: the scanner's. */
  delegatedScopes?: string[];
  /** Primary domain. Default `acme.example`. */
  domain?: string;
  /**
   * Per-user (impersonated subject) query budgets per API family, and an account-wide one.
   * Off by default; see quota.ts. Changeable later through `sim.quota.settings`.
   */
  quota?: GoogleQuotaOptions;
  /** Plant the deterministic violations and look-alikes (`tenant.planted`). Default true. */
  plant?: boolean;
}

export interface GoogleSimulator {
  /** googleapis `rootUrl`: the bare origin, since any path would be dropped. */
  origin: string;
  /** Where the JWT-bearer token POST must be redirected (`https://oauth2.googleapis.com/token` → here). */
  tokenUrl: string;
  /** Web-flow consent URL (auto-approves as `login_hint`, default the admin). */
  authUrl: string;
  customerId: string;
  domain: string;
  /** A super admin to impersonate for Directory calls. */
  adminEmail: string;
  /** A service-account key JSON, as downloaded from the Cloud console. */
  serviceAccount: ServiceAccountKey;
  /** The registered web OAuth client (authorization_code / refresh_token grants). */
  webClient: WebClient;
  /** Scopes the service account may request with a `sub` (mutable: delete one to test 401). */
  delegatedScopes: Set<string>;
  tenant: GoogleTenant;
  mutate: GoogleMutations;
  requests: RequestCounter;
  faults: FaultInjector;
  /** Query budgets (`settings` is live; `reset()` forgets the calls counted). */
  quota: GoogleQuota;
  caPem?: string;
  /** Expires every access token issued so far (clients must mint new ones). */
  expireAccessTokens(): void;
  /** Internal auth state, for tests that need to issue tokens directly. */
  auth: GoogleAuthState;
  close(): Promise<void>;
}

export async function startGoogleSimulator(options: GoogleSimulatorOptions = {}): Promise<GoogleSimulator> {
  const now = options.now ?? new Date();
  const tenant = generateGoogleTenant({
    seed: options.seed,
    size: options.size,
    now,
    domain: options.domain,
    plant: options.plant,
  });
  const host = options.host ?? (await startSandboxHost({ https: options.https }));
  const auth = await createGoogleAuth({
    tenant: () => tenant,
    origin: host.baseUrl,
    delegatedScopes: options.delegatedScopes,
  });
  const faults = createFaultInjector({ errorBody: googleFaultBody });
  const requests = createRequestCounter();
  const quota = createGoogleQuota(options.quota);
  const router = createRouter<GoogleRoute>();
  for (const route of [
    ...directoryRoutes,
    ...fileRoutes,
    ...changeRoutes,
    ...policyRoutes,
    ...reportRoutes,
    ...licensingRoutes,
  ]) {
    router.add(route.method, route.template, route);
  }
  const admin = tenant.users.find((u) => u.isAdmin && !u.suspended);
  if (!admin) throw new Error('google simulator: the tenant needs an active super admin');
  host.mount(
    '',
    createGoogleDispatcher({
      router,
      tenant: () => tenant,
      auth,
      faults,
      requests,
      adminEmail: admin.primaryEmail,
      quota,
    }),
  );

  return {
    origin: host.baseUrl,
    tokenUrl: `${host.baseUrl}/token`,
    authUrl: `${host.baseUrl}/o/oauth2/v2/auth`,
    customerId: tenant.customerId,
    domain: tenant.domain,
    adminEmail: admin.primaryEmail,
    serviceAccount: auth.serviceAccount,
    webClient: auth.webClient,
    delegatedScopes: auth.delegatedScopes,
    tenant,
    mutate: createGoogleMutations(tenant),
    requests,
    faults,
    quota,
    caPem: host.caPem,
    expireAccessTokens: () => auth.revokeAccessTokens(),
    auth,
    close: () => (options.host ? Promise.resolve() : host.close()),
  };
}
