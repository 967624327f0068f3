/**
 * `startMicrosoftSimulator`: the Microsoft identity platform (OpenID configuration, client
 * credentials, admin consent), Microsoft Graph v1.0 and SharePoint's admin REST over a generated
 * Microsoft 365 tenant, on one HTTPS host. HTTPS only: the Graph SDK attaches the bearer token and
 * follows absolute nextLinks only for `https://` URLs (research §0), and MSAL refuses http
 * authorities. Clients trust `caPem`; the Graph client needs `customHosts` with the bare host.
 */
import { createFaultInjector, type FaultInjector } from '../faults.ts';
import { type SandboxHost, startSandboxHost } from '../host.ts';
import { createRandom } from '../random.ts';
import { createRequestCounter, type RequestCounter } from '../request-counter.ts';
import { createRouter } from '../router.ts';
import { createMicrosoftAuth, type MicrosoftAuthState, type ScannerCredentials } from './auth.ts';
import { DEFAULT_GRAPH_ROLES, DEFAULT_SHAREPOINT_ROLES } from './catalog.ts';
import { createMicrosoftDispatcher, graphFaultBody } from './dispatch.ts';
import { generateMicrosoftTenant, type MicrosoftTenantSize } from './generate.ts';
import { createMicrosoftMutations, type MicrosoftMutations } from './mutate.ts';
import type { GraphRoute, ServerSettings, ServerState } from './route-types.ts';
import { appRoutes } from './routes-apps.ts';
import { directoryRoutes } from './routes-directory.ts';
import { policyRoutes } from './routes-policies.ts';
import { siteRoutes } from './routes-sites.ts';
import {
  createMicrosoftThrottle,
  type MicrosoftThrottle,
  type MicrosoftThrottleOptions,
} from './throttle.ts';
import type { MicrosoftTenant } from './types.ts';

export interface MicrosoftSimulatorOptions {
  /** PRNG seed; the same seed gives the same tenant (credentials and tokens aside). Default 1. */
  seed?: number;
  /** Up to 10,000 users and 1,000,000 drive items. */
  size?: MicrosoftTenantSize;
  /** Timestamps are generated relative to this. Default: now. */
  now?: Date;
  /** Primary verified domain. Default `acme.example`. */
  domain?: string;
  /** Entra ID P1/P2: signInActivity and the registration report answer. Default true. */
  premium?: boolean;
  /** Plant the deterministic violations and look-alikes (`tenant.planted`). Default true. */
  plant?: boolean;
  /**
   * The scanner app's application permissions (the app role assignments of its service
   * principal, which its tokens carry). Default: the scanner's set from MODEL.md.
   */
  roles?: { graph?: readonly string[]; sharepoint?: readonly string[] };
  /** The scanner app is already consented. Default true; false to exercise `/adminconsent` first. */
  consented?: boolean;
  /** Resource-unit budget (off by default); changeable later through `sim.throttle.settings`. */
  throttle?: MicrosoftThrottleOptions;
  /** `items/{id}/content` answers 302 to a download URL (default) or the bytes directly. */
  contentRedirect?: boolean;
  /** Mount into an existing HTTPS sandbox host (its root path) instead of starting one. */
  host?: SandboxHost;
}

export interface MicrosoftSimulator {
  /** `https://127.0.0.1:<port>`. */
  origin: string;
  /** Graph SDK `baseUrl` (`Client.init({ baseUrl })`). */
  graphBaseUrl: string;
  /** Graph SDK `customHosts` entry: the bare host, no port (a port makes the SDK drop the token). */
  graphHost: string;
  /** msal-node `auth.authority` for the tenant. */
  authority: string;
  /** msal-node `auth.knownAuthorities` entry (skips instance discovery). */
  knownAuthority: string;
  /** Stands in for `https://<prefix>-admin.sharepoint.com`: SPO REST lives on the same host. */
  sharepointAdminUrl: string;
  tenantId: string;
  domain: string;
  /** The self-signed certificate (its own CA) clients must trust. */
  caPem: string;
  /** The scanner app: clientId, clientSecret and a certificate (private key + thumbprints). */
  scanner: ScannerCredentials;
  tenant: MicrosoftTenant;
  mutate: MicrosoftMutations;
  /** HTTP calls per endpoint template. */
  requests: RequestCounter;
  /** `$batch` steps per endpoint template (each counts against throttling like a call). */
  batchRequests: RequestCounter;
  faults: FaultInjector;
  throttle: MicrosoftThrottle;
  /** Identity state: consent decision, reply URLs, secret expiry, token lifetime. */
  auth: MicrosoftAuthState;
  /** Live server switches (`contentRedirect`). */
  settings: ServerSettings;
  /** Expires every access token issued so far (clients must get new ones). */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

export async function startMicrosoftSimulator(
  options: MicrosoftSimulatorOptions = {},
): Promise<MicrosoftSimulator> {
  const now = options.now ?? new Date();
  const roles = {
    graph: options.roles?.graph ?? DEFAULT_GRAPH_ROLES,
    sharepoint: options.roles?.sharepoint ?? DEFAULT_SHAREPOINT_ROLES,
  };
  const tenant = generateMicrosoftTenant({
    seed: options.seed,
    size: options.size,
    now,
    domain: options.domain,
    premium: options.premium,
    plant: options.plant,
    scannerRoles: roles,
    consented: options.consented,
  });
  const host = options.host ?? (await startSandboxHost({ https: true }));
  if (!host.baseUrl.startsWith('https://') || !host.caPem) {
    throw new Error('microsoft simulator: the host must serve HTTPS (Graph SDK and MSAL require it)');
  }
  const auth = await createMicrosoftAuth({ consentRoles: roles, issuerOrigin: host.baseUrl });
  const settings: ServerSettings = { contentRedirect: options.contentRedirect ?? true };
  const server: ServerState = { auth, settings, downloads: new Map() };
  const faults = createFaultInjector({ errorBody: graphFaultBody });
  const requests = createRequestCounter();
  const batchRequests = createRequestCounter();
  const throttle = createMicrosoftThrottle(options.throttle);
  const router = createRouter<GraphRoute>();
  for (const route of [...directoryRoutes, ...appRoutes, ...policyRoutes, ...siteRoutes]) {
    router.add(route.method, route.template, route);
  }
  host.mount(
    '',
    createMicrosoftDispatcher({
      router,
      tenant: () => tenant,
      server,
      throttle,
      origin: host.baseUrl,
      faults,
      requests,
      batchRequests,
      random: createRandom((options.seed ?? 1) ^ 0xba7c),
    }),
  );
  const { hostname, host: hostPort } = new URL(host.baseUrl);
  return {
    origin: host.baseUrl,
    graphBaseUrl: `${host.baseUrl}/`,
    graphHost: hostname,
    authority: `${host.baseUrl}/${tenant.tenantId}`,
    knownAuthority: hostPort,
    sharepointAdminUrl: host.baseUrl,
    tenantId: tenant.tenantId,
    domain: tenant.domain,
    caPem: host.caPem,
    scanner: auth.scanner,
    tenant,
    mutate: createMicrosoftMutations(tenant),
    requests,
    batchRequests,
    faults,
    throttle,
    auth,
    settings,
    expireAccessTokens: () => auth.expireAccessTokens(),
    close: () => (options.host ? Promise.resolve() : host.close()),
  };
}
