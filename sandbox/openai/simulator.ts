/**
 * `startOpenAISimulator`: the OpenAI admin API and the project-scoped files, vector stores and
 * assistants endpoints over a generated organization, under `/v1` on a local HTTP host. Point the
 * SDK at `baseURL`; the scanner's admin key is `adminKey`, its project keys `projectKeys()`.
 */
import { createFaultInjector, type FaultInjector } from '../faults.ts';
import { type SandboxHost, startSandboxHost } from '../host.ts';
import { createRequestCounter, type RequestCounter } from '../request-counter.ts';
import { createRouter } from '../router.ts';
import { createKeyIndex } from './auth.ts';
import { createOpenAIDispatcher, openaiFaultBody } from './dispatch.ts';
import { type GenerateOpenAIOptions, generateOpenAIOrg } from './generate.ts';
import type { PageSettings } from './pagination.ts';
import { adminRoutes, type OpenAIRoute, projectRoutes } from './routes.ts';
import { createOpenAIThrottle, type OpenAIThrottle } from './throttle.ts';
import type { AdminScope, OpenAIOrg } from './types.ts';

export interface OpenAISimulatorOptions extends GenerateOpenAIOptions {
  /** Scopes of the scanner's admin key: `all` (default) or a restricted set. */
  scannerScopes?: 'all' | AdminScope[];
  /** Serve at most this many items per page (exercises pagination with little data). */
  pageCap?: number;
  /** Mount under `/v1` of an existing sandbox host instead of starting one. */
  host?: SandboxHost;
}

export interface OpenAISimulator {
  /** The SDK's `baseURL` (with `/v1`). */
  baseURL: string;
  org: OpenAIOrg;
  /** The scanner's admin key (a full secret). */
  adminKey: string;
  /** The scanner's key per active project: `{ [projectId]: key }`, for the `projectKeys` credential. */
  projectKeys(): Record<string, string>;
  /** Every key value the org knows (to prove none leaks). */
  secrets(): string[];
  requests: RequestCounter;
  faults: FaultInjector;
  throttle: OpenAIThrottle;
  /** Live pagination switches (`pageCap`, `omitLastId`). */
  settings: PageSettings;
  close(): Promise<void>;
}

export async function startOpenAISimulator(options: OpenAISimulatorOptions = {}): Promise<OpenAISimulator> {
  const org = generateOpenAIOrg(options);
  if (options.scannerScopes) org.scannerKey.scopes = options.scannerScopes;
  const fixedNow = options.now ? Math.floor(options.now.getTime() / 1000) : null;
  const host = options.host ?? (await startSandboxHost());
  const router = createRouter<OpenAIRoute>();
  for (const route of [...adminRoutes, ...projectRoutes]) router.add(route.method, route.template, route);
  const settings: PageSettings = { pageCap: options.pageCap ?? null, omitLastId: false };
  const requests = createRequestCounter();
  const faults = createFaultInjector({ errorBody: openaiFaultBody });
  const throttle = createOpenAIThrottle();
  host.mount(
    '/v1',
    createOpenAIDispatcher({
      router,
      org: () => org,
      keys: createKeyIndex(() => org),
      faults,
      throttle,
      requests,
      settings,
      clock: () => fixedNow ?? Math.floor(Date.now() / 1000),
    }),
  );
  return {
    baseURL: `${host.baseUrl}/v1`,
    org,
    adminKey: org.scannerKey.value,
    projectKeys: () =>
      Object.fromEntries(
        [...org.scannerProjectKeys]
          .filter(([id]) => org.projects.some((p) => p.id === id && p.archivedAt === null))
          .map(([id, key]) => [id, key.value]),
      ),
    secrets: () => [
      ...org.adminKeys.map((k) => k.value),
      ...org.projects.flatMap((p) => p.apiKeys.map((k) => k.value)),
    ],
    requests,
    faults,
    throttle,
    settings,
    close: () => (options.host ? Promise.resolve() : host.close()),
  };
}
