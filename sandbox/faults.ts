/**
 * Runtime fault injection. A test adds a fault for a path (and optionally a method), the
 * simulator consults `intercept` before serving, and the fault either delays the call
 * (latency) or answers in place of the real handler. The signals are the ones clients key on:
 * Octokit's throttling plugin decides "secondary" by the message text and "primary" by
 * `x-ratelimit-remaining: 0`, plugin-retry retries 429/5xx, fetch fails on a destroyed socket.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type FaultKind =
  | 'latency'
  | 'rate-limit'
  | 'secondary-limit'
  | 'primary-limit'
  | 'server-error'
  | 'reset'
  | 'malformed'
  | 'expired-token';

export interface FaultSpec {
  /** HTTP method to match (case-insensitive); any method when omitted. */
  method?: string;
  /** Concrete path (`/orgs/acme/members`) or route template (`/orgs/{org}/members`), or a RegExp on the path. */
  path: string | RegExp;
  kind: FaultKind;
  /** How many matching calls the fault affects; infinite when omitted. */
  times?: number;
  /** Status override (e.g. 429 instead of 403 for a secondary limit, 503 for a server error). */
  status?: number;
  /** Seconds for `retry-after` (rate-limit kinds) or until `x-ratelimit-reset` (primary). Default 1. */
  retryAfter?: number;
  /** Delay for `latency` faults. Default 200 ms. */
  delayMs?: number;
  /**
   * Vendor error reason for the body (Google's `errors[0].reason`, e.g. `userRateLimitExceeded`).
   * Passed to `errorBody`; GitHub ignores it.
   */
  reason?: string;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  /** Matching calls this fault has affected so far. */
  hits: number;
}

/** What the simulator knows about the call being served. */
export interface FaultTarget {
  method: string;
  path: string;
  template?: string;
}

export interface FaultInjector {
  add(spec: FaultSpec): ActiveFault;
  remove(id: number): void;
  clear(): void;
  list(): ActiveFault[];
  /** Applies matching faults; true when a fault wrote (or destroyed) the response. */
  intercept(req: IncomingMessage, res: ServerResponse, target: FaultTarget): Promise<boolean>;
}

export interface FaultOptions {
  /** Builds the JSON error body in the vendor's shape. Default: GitHub's basic-error. */
  errorBody?: (message: string, status: number, fault: ActiveFault) => unknown;
  /** Link put into GitHub-style `documentation_url`. */
  documentationUrl?: string;
}

const DOCS = 'https://docs.github.com/rest';
const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID.';

function matches(fault: ActiveFault, target: FaultTarget): boolean {
  if (fault.method && fault.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (fault.times !== undefined && fault.hits >= fault.times) return false;
  if (fault.path instanceof RegExp) return fault.path.test(target.path);
  return fault.path === target.path || fault.path === target.template;
}

export function createFaultInjector(options: FaultOptions = {}): FaultInjector {
  const docs = options.documentationUrl ?? DOCS;
  const errorBody = options.errorBody ?? ((message: string) => ({ message, documentation_url: docs }));
  let faults: ActiveFault[] = [];
  let nextId = 1;

  /** The canned answer for a fault; `undefined` for kinds that do not answer (latency, reset). */
  const cannedResponse = (
    fault: ActiveFault,
  ): { status: number; body: string; headers: Record<string, string> } | undefined => {
    const retryAfter = String(fault.retryAfter ?? 1);
    const json = (status: number, message: string, headers: Record<string, string> = {}) => ({
      status,
      body: JSON.stringify(errorBody(message, status, fault)),
      headers,
    });
    switch (fault.kind) {
      case 'rate-limit':
        return json(fault.status ?? 429, 'API rate limit exceeded.', { 'retry-after': retryAfter });
      case 'secondary-limit':
        return json(fault.status ?? 403, SECONDARY_MESSAGE, { 'retry-after': retryAfter });
      case 'primary-limit':
        return json(fault.status ?? 403, 'API rate limit exceeded.', {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + (fault.retryAfter ?? 1)),
          'x-ratelimit-resource': 'core',
        });
      case 'server-error':
        return json(fault.status ?? 500, 'Server Error');
      case 'expired-token':
        return json(401, 'Bad credentials');
      case 'malformed':
        // Valid headers, cut-off body: the client's JSON parse must fail.
        return { status: fault.status ?? 200, body: '[{"login":"trunc', headers: {} };
      default:
        return undefined;
    }
  };

  return {
    add(spec) {
      const fault: ActiveFault = { ...spec, id: nextId, hits: 0 };
      nextId += 1;
      faults.push(fault);
      return fault;
    },
    remove(id) {
      faults = faults.filter((fault) => fault.id !== id);
    },
    clear() {
      faults = [];
    },
    list: () => [...faults],
    async intercept(_req, res, target) {
      for (const fault of faults) {
        if (!matches(fault, target)) continue;
        fault.hits += 1;
        if (fault.kind === 'latency') {
          await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 200));
          continue;
        }
        const canned = cannedResponse(fault);
        if (!canned) {
          res.socket?.destroy(); // 'reset': the client sees ECONNRESET / "other side closed"
          return true;
        }
        res.writeHead(canned.status, {
          'content-type': 'application/json; charset=utf-8',
          ...canned.headers,
        });
        res.end(canned.body);
        return true;
      }
      return false;
    },
  };
}
