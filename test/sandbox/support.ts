import { Octokit } from '@octokit/rest';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** A plain Octokit (no retry/throttling plugins) pointed at a simulator. */
export function octokitFor(baseUrl: string, auth: string): Octokit {
  return new Octokit({ baseUrl, auth, log: quiet });
}

export const silentLog = quiet;
