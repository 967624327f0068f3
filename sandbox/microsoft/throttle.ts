/**
 * Graph throttling as documented for the identity and access service: every identity call costs
 * resource units (GET users, applications, oauth2PermissionGrants and
 * servicePrincipals/{id}/appRoleAssignments 2, anything else 1; $select −1, $expand +1,
 * $top < 20 −1; never below 1), reported in `x-ms-resource-unit`, against a token bucket per
 * app+tenant of 3,500 / 5,000 / 8,000 RU per 10 s for tenants under 50, 50–500 and over 500
 * users. Spending it answers 429 with Retry-After and the `x-ms-throttle-*` headers. The budget
 * is off unless enabled. Separately, tests can force any path to answer 429/503, with or without
 * Retry-After (Identity Protection and Conditional Access send none).
 */
import { type GraphReply, graphError, option } from './wire.ts';

export interface MicrosoftThrottleOptions {
  /** Enforce the identity resource-unit budget. Default false. */
  resourceUnits?: boolean;
  /** RU per window; default by tenant size (3,500 under 50 users, 5,000 to 500, 8,000 above). */
  budget?: number;
  /** Window length in ms. Default 10,000. */
  windowMs?: number;
}

export interface ForcedThrottleSpec {
  /** Concrete path (`/v1.0/users`), route template, or a RegExp on the path. */
  path: string | RegExp;
  method?: string;
  /** Calls affected; infinite when omitted. */
  times?: number;
  /** Default 429. */
  status?: 429 | 503 | 504;
  /** Seconds for Retry-After; null sends none. Default 1. */
  retryAfter?: number | null;
}

export interface ForcedThrottle extends ForcedThrottleSpec {
  id: number;
  hits: number;
}

const BASE_COSTS: Record<string, number> = {
  '/v1.0/users': 2,
  '/v1.0/applications': 2,
  '/v1.0/oauth2PermissionGrants': 2,
  '/v1.0/servicePrincipals/{id}/appRoleAssignments': 2,
};

/** Templates metered by the identity and access service. */
export function isIdentityTemplate(template: string): boolean {
  return (
    /^\/v1\.0\/(users|organization|directoryRoles|oauth2PermissionGrants|servicePrincipals|applications|policies)(\/|$)/.test(
      template,
    ) && !/^\/v1\.0\/users\/\{[^}]+\}\/drive/.test(template)
  );
}

export function resourceUnitCost(method: string, template: string, query: URLSearchParams): number {
  let cost = method.toUpperCase() === 'GET' ? (BASE_COSTS[template] ?? 1) : 1;
  if (option(query, 'select')) cost -= 1;
  if (option(query, 'expand')) cost += 1;
  const top = Number(option(query, 'top'));
  if (Number.isFinite(top) && top > 0 && top < 20) cost -= 1;
  return Math.max(1, cost);
}

export interface ChargeResult {
  cost: number;
  headers: Record<string, string>;
  /** The 429 to answer instead, when the budget is spent. */
  throttled?: GraphReply;
}

export interface MicrosoftThrottle {
  /** Live settings: change them at any time. */
  readonly settings: MicrosoftThrottleOptions;
  /** Charges an identity call; `throttled` when the budget is spent (rejected calls are not charged). */
  charge(appId: string, tenantId: string, userCount: number, cost: number): ChargeResult;
  /** Makes matching calls answer 429/503 (outer requests and `$batch` steps alike). */
  force(spec: ForcedThrottleSpec): ForcedThrottle;
  removeForced(id: number): void;
  /** The forced answer for a call, if one applies. */
  forced(method: string, path: string, template: string): GraphReply | undefined;
  /** RU spent in the current window by an app+tenant. */
  spent(appId: string, tenantId: string): number;
  /** Forgets all charges and forced throttles. */
  reset(): void;
}

export function budgetFor(userCount: number): number {
  if (userCount < 50) return 3500;
  return userCount <= 500 ? 5000 : 8000;
}

export function createMicrosoftThrottle(options: MicrosoftThrottleOptions = {}): MicrosoftThrottle {
  const settings: MicrosoftThrottleOptions = { ...options };
  let windows = new Map<string, Array<{ at: number; cost: number }>>();
  let forcedList: ForcedThrottle[] = [];
  let nextId = 1;

  const live = (key: string, now: number) => {
    const windowMs = settings.windowMs ?? 10_000;
    const list = (windows.get(key) ?? []).filter((e) => e.at > now - windowMs);
    windows.set(key, list);
    return list;
  };

  return {
    settings,
    charge(appId, tenantId, userCount, cost) {
      const headers: Record<string, string> = { 'x-ms-resource-unit': String(cost) };
      if (!settings.resourceUnits) return { cost, headers };
      const now = Date.now();
      const key = `${appId}/${tenantId}`;
      const list = live(key, now);
      const used = list.reduce((sum, e) => sum + e.cost, 0);
      const budget = settings.budget ?? budgetFor(userCount);
      if (used + cost > budget) {
        const windowMs = settings.windowMs ?? 10_000;
        const wait = Math.max(1, Math.ceil(((list[0]?.at ?? now) + windowMs - now) / 1000));
        return {
          cost,
          headers,
          throttled: graphError(
            429,
            'TooManyRequests',
            `Your request is throttled temporarily. Please try after ${wait} seconds.`,
            {
              'retry-after': String(wait),
              'x-ms-throttle-scope': `Tenant_Application/ReadWrite/${appId}/${tenantId}`,
              'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
            },
          ),
        };
      }
      list.push({ at: now, cost });
      const share = (used + cost) / budget;
      if (share > 0.8) headers['x-ms-throttle-limit-percentage'] = share.toFixed(1);
      return { cost, headers };
    },
    force(spec) {
      const entry: ForcedThrottle = { ...spec, id: nextId, hits: 0 };
      nextId += 1;
      forcedList.push(entry);
      return entry;
    },
    removeForced(id) {
      forcedList = forcedList.filter((f) => f.id !== id);
    },
    forced(method, path, template) {
      for (const f of forcedList) {
        if (f.method && f.method.toUpperCase() !== method.toUpperCase()) continue;
        if (f.times !== undefined && f.hits >= f.times) continue;
        const hit = f.path instanceof RegExp ? f.path.test(path) : f.path === path || f.path === template;
        if (!hit) continue;
        f.hits += 1;
        const status = f.status ?? 429;
        const retryAfter = f.retryAfter === undefined ? 1 : f.retryAfter;
        const headers: Record<string, string> =
          retryAfter === null ? {} : { 'retry-after': String(retryAfter) };
        return status === 429
          ? graphError(429, 'TooManyRequests', 'Too many requests.', headers)
          : graphError(
              status,
              status === 503 ? 'serviceNotAvailable' : 'gatewayTimeout',
              'The service is temporarily unavailable.',
              headers,
            );
      }
      return undefined;
    },
    spent(appId, tenantId) {
      return live(`${appId}/${tenantId}`, Date.now()).reduce((sum, e) => sum + e.cost, 0);
    },
    reset() {
      windows = new Map();
      forcedList = [];
    },
  };
}
