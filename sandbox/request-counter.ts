/**
 * Counts what a simulator served, per endpoint (method + route template) and per status.
 * Tests and the benchmark read it to prove call budgets: e.g. an unchanged rescan should be
 * mostly 304s, and a paginated list should cost ceil(n / per_page) calls.
 */

/** Status of a call: the HTTP status, or `reset` when the socket was destroyed on purpose. */
export type CountedStatus = number | 'reset';

export interface EndpointCount {
  count: number;
  byStatus: Record<string, number>;
}

export interface RequestCounter {
  record(method: string, template: string, status: CountedStatus): void;
  /** Calls to one endpoint, e.g. `count('GET', '/orgs/{org}/members')`; all methods when omitted. */
  count(method: string | undefined, template: string): number;
  /** Every endpoint seen, keyed `METHOD template`. */
  byEndpoint(): Record<string, EndpointCount>;
  /** Calls per status over all endpoints. */
  byStatus(): Record<string, number>;
  total(): number;
  notModified(): number;
  reset(): void;
}

export function createRequestCounter(): RequestCounter {
  let endpoints = new Map<string, EndpointCount>();
  let totals: Record<string, number> = {};
  let all = 0;

  return {
    record(method, template, status) {
      const key = `${method.toUpperCase()} ${template}`;
      let entry = endpoints.get(key);
      if (!entry) {
        entry = { count: 0, byStatus: {} };
        endpoints.set(key, entry);
      }
      const statusKey = String(status);
      entry.count += 1;
      entry.byStatus[statusKey] = (entry.byStatus[statusKey] ?? 0) + 1;
      totals[statusKey] = (totals[statusKey] ?? 0) + 1;
      all += 1;
    },
    count(method, template) {
      if (method) return endpoints.get(`${method.toUpperCase()} ${template}`)?.count ?? 0;
      let sum = 0;
      for (const [key, entry] of endpoints)
        if (key.slice(key.indexOf(' ') + 1) === template) sum += entry.count;
      return sum;
    },
    byEndpoint() {
      return Object.fromEntries(
        [...endpoints].map(([key, entry]) => [key, { count: entry.count, byStatus: { ...entry.byStatus } }]),
      );
    },
    byStatus: () => ({ ...totals }),
    total: () => all,
    notModified: () => totals['304'] ?? 0,
    reset() {
      endpoints = new Map();
      totals = {};
      all = 0;
    },
  };
}
