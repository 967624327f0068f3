/**
 * `startGeminiSimulator`: one origin serving Google's token endpoint, the API Keys API v2
 * (`/v2/projects/{project}/locations/global/keys`) and the Gemini API Files list
 * (`/v1beta/files`) over a generated tenant, so one `--base-url` points the connector at all of
 * it. The service account's token call must be redirected to `tokenUrl`.
 */
import { createFaultInjector, type FaultInjector } from '../faults.ts';
import type { GoogleAuthState, ServiceAccountKey } from '../google/auth.ts';
import { type SandboxHost, startSandboxHost } from '../host.ts';
import { createRequestCounter, type RequestCounter } from '../request-counter.ts';
import { createRouter } from '../router.ts';
import { createCloudAuth, DEFAULT_PERMISSIONS } from './auth.ts';
import { cloudFaultBody, createGeminiDispatcher } from './dispatch.ts';
import { type GeminiTenantSize, generateGeminiTenant } from './generate.ts';
import type { GeminiRoute } from './route-types.ts';
import { fileRoutes } from './routes-files.ts';
import { keyRoutes } from './routes-keys.ts';
import { createGeminiThrottle, type GeminiThrottle, type GeminiThrottleOptions } from './throttle.ts';
import type { GeminiTenant } from './types.ts';

export interface GeminiSimulatorOptions {
  /** PRNG seed; the same seed gives the same tenant (the service-account key aside). Default 1. */
  seed?: number;
  /** Background keys and files on top of the planted ones (benchmarks scale these). */
  size?: GeminiTenantSize;
  /** Timestamps are generated relative to this. Default: now. */
  now?: Date;
  /** Plant the named violations and look-alikes. Default true. */
  plant?: boolean;
  /** IAM permissions the service account holds on the project. Default: API Keys Viewer's. */
  permissions?: string[];
  /** Largest page the simulator serves, whatever is asked (tests force many pages). */
  pageLimits?: { keys?: number; files?: number };
  /** 429 RESOURCE_EXHAUSTED budgets (off by default; `sim.throttle.settings` is live). */
  throttle?: GeminiThrottleOptions;
  https?: boolean;
  /** Mount into an existing sandbox host (its root path) instead of starting one. */
  host?: SandboxHost;
}

export interface GeminiSimulator {
  /** The connection's base URL: API Keys rootUrl and Gemini API baseUrl at once. */
  origin: string;
  /** Where the JWT-bearer token POST must be redirected. */
  tokenUrl: string;
  /** The project to scan (`projectId` config). */
  projectId: string;
  /** A service-account key JSON, as downloaded from the Cloud console. */
  serviceAccount: ServiceAccountKey;
  /** A Gemini API key of the scanned project, for the files stream. */
  geminiApiKey: string;
  /** IAM permissions of the service account on the project (mutable: delete one to test 403). */
  permissions: Set<string>;
  tenant: GeminiTenant;
  requests: RequestCounter;
  faults: FaultInjector;
  throttle: GeminiThrottle;
  /** Page-size caps (mutable). */
  pageLimits: { keys: number; files: number };
  auth: GoogleAuthState;
  caPem?: string;
  close(): Promise<void>;
}

export async function startGeminiSimulator(options: GeminiSimulatorOptions = {}): Promise<GeminiSimulator> {
  const tenant = generateGeminiTenant({
    seed: options.seed,
    size: options.size,
    now: options.now,
    plant: options.plant,
  });
  const host = options.host ?? (await startSandboxHost({ https: options.https }));
  const auth = await createCloudAuth(host.baseUrl);
  const permissions = new Set(options.permissions ?? DEFAULT_PERMISSIONS);
  const faults = createFaultInjector({ errorBody: cloudFaultBody });
  const requests = createRequestCounter();
  const throttle = createGeminiThrottle(options.throttle);
  const pageLimits = { keys: options.pageLimits?.keys ?? 300, files: options.pageLimits?.files ?? 100 };
  const router = createRouter<GeminiRoute>();
  for (const route of [...keyRoutes, ...fileRoutes]) router.add(route.method, route.template, route);
  host.mount(
    '',
    createGeminiDispatcher({ router, tenant, auth, permissions, faults, requests, throttle, pageLimits }),
  );
  return {
    origin: host.baseUrl,
    tokenUrl: `${host.baseUrl}/token`,
    projectId: tenant.project.projectId,
    serviceAccount: { ...auth.serviceAccount, project_id: tenant.project.projectId },
    geminiApiKey: tenant.filesKeyString,
    permissions,
    tenant,
    requests,
    faults,
    throttle,
    pageLimits,
    auth,
    caPem: host.caPem,
    close: () => (options.host ? Promise.resolve() : host.close()),
  };
}
