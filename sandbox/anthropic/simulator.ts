/**
 * `startAnthropicSimulator`: the Anthropic Admin API (`/v1/organizations/...`) over a generated
 * organization, for connector tests, `periscope demo` and the benchmark. Point the SDK at
 * `baseUrl` (no /v1) with `adminKey`, over either wire version.
 */
import { createFaultInjector, type FaultInjector } from '../faults.ts';
import { type SandboxHost, startSandboxHost } from '../host.ts';
import { ALPHANUMERIC, createRandom } from '../random.ts';
import { createRequestCounter, type RequestCounter } from '../request-counter.ts';
import { createRouter } from '../router.ts';
import { createAnthropicDispatcher, type Throttle } from './dispatch.ts';
import { type AnthropicOrgSize, generateAnthropicOrg } from './generate.ts';
import { type AnthropicOraclePolicy, findAnthropicViolations } from './oracle.ts';
import { type AnthropicRoute, anthropicRoutes } from './routes.ts';
import type { AnthropicOrg, Planted } from './types.ts';
import { errorBody } from './wire.ts';

export interface AnthropicSimulatorOptions {
  /** PRNG seed; the same seed gives the same organization. Default 1. */
  seed?: number;
  /** How big the organization is (benchmark: `{ workspaces: 200, apiKeys: 5000 }`). */
  size?: AnthropicOrgSize;
  /** Timestamps are generated relative to this. Default: now. */
  now?: Date;
  /** An organization without violations (look-alikes only). Default false. */
  clean?: boolean;
  /** Start with a throttle (see `setThrottle`). */
  throttle?: Throttle;
  /** Mount into an existing sandbox host instead of starting one (close() then leaves it running). */
  host?: SandboxHost;
}

export interface AnthropicSimulator {
  /** The SDK's `baseURL`: the origin, without /v1. */
  baseUrl: string;
  /** Admin API key (`sk-ant-admin01-…`). */
  adminKey: string;
  /** A valid standard API key (`sk-ant-api03-…`): every admin route answers 403 permission_error. */
  standardKey: string;
  org: AnthropicOrg;
  /** What the generator planted (empty with `clean`). */
  planted: Planted[];
  now: Date;
  requests: RequestCounter;
  /** Faults answer with Anthropic's error envelope (`status: 529` for overloaded_error). */
  faults: FaultInjector;
  /** `{ '<x-api-key|bearer> <anthropic-version>': calls }` of authenticated calls. */
  wireSeen(): Record<string, number>;
  /** Every n-th call answers 429 rate_limit_error with retry-after; null switches it off. */
  setThrottle(throttle: Throttle | null): void;
  /** Violations present now, by the rules' documented thresholds and this policy. */
  expectedViolations(policy?: AnthropicOraclePolicy): Planted[];
  close(): Promise<void>;
}

export async function startAnthropicSimulator(
  options: AnthropicSimulatorOptions = {},
): Promise<AnthropicSimulator> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? 1;
  const { org, planted } = generateAnthropicOrg({ seed, size: options.size, now, clean: options.clean });
  const secrets = createRandom(seed).fork('secrets');
  const keys = {
    admin: `sk-ant-admin01-${secrets.token(86, ALPHANUMERIC)}-${secrets.token(6, ALPHANUMERIC)}AA`,
    standard: `sk-ant-api03-${secrets.token(86, ALPHANUMERIC)}-${secrets.token(6, ALPHANUMERIC)}AA`,
  };
  let throttle: Throttle | null = options.throttle ?? null;
  const seen = new Map<string, number>();
  const faults = createFaultInjector({ errorBody: (message, status) => errorBody(status, message) });
  const requests = createRequestCounter();
  const router = createRouter<AnthropicRoute>();
  for (const route of anthropicRoutes) router.add('GET', route.template, route);

  const host = options.host ?? (await startSandboxHost());
  host.mount(
    '/v1/organizations',
    createAnthropicDispatcher({
      router,
      org: () => org,
      keys,
      faults,
      requests,
      throttle: () => throttle,
      seen,
    }),
  );
  const sim: AnthropicSimulator = {
    baseUrl: host.baseUrl,
    adminKey: keys.admin,
    standardKey: keys.standard,
    org,
    planted,
    now,
    requests,
    faults,
    wireSeen: () => Object.fromEntries(seen),
    setThrottle(next) {
      throttle = next;
    },
    expectedViolations: (policy) => findAnthropicViolations(sim, policy),
    close: () => (options.host ? Promise.resolve() : host.close()),
  };
  return sim;
}
