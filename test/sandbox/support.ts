import { Octokit } from '@octokit/rest';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** A plain Octokit (no retry/throttling plugins) pointed at a simulator. */
export function octokitFor(baseUrl: string, auth: string): Octokit {
  return new Octokit({ baseUrl, auth, log: quiet });
}

export const silentLog = quiet;

/** A fetch Response body, typed loosely enough for assertions. */
export async function jsonOf<T = Record<string, unknown>>(
  response: Response | Promise<Response>,
): Promise<T> {
  return (await (await response).json()) as T;
}

export interface RateLimitBody {
  resources: { core: { limit: number; remaining: number } };
  rate?: unknown;
}
