/**
 * The baseline a scan is compared with: plain `fetch` + `JSON.parse` of the same pages the
 * connector reads, in the same order and with the same deploy-key fan-out (8 in flight), with
 * an installation token, 100 items a page, following `rel="next"` Links, no ETags, nothing
 * stored and nothing validated.
 */

import { createSign } from 'node:crypto';
import { githubManifest } from '../connectors/github/manifest.ts';
import type { GitHubSimulator } from '../sandbox/index.ts';
import { forEachConcurrently } from '../scanner/for-each-concurrently.ts';
import { DEFAULT_STREAM_CONCURRENCY } from '../scanner/scan.ts';

const nextLink = /<([^<>]+)>;\s*rel="next"/;
const DEPLOY_KEY_CONCURRENCY = githubManifest.repoConcurrency; // as many in flight as the connector
/** As many streams at once as the scan reads. */
const STREAM_CONCURRENCY = DEFAULT_STREAM_CONCURRENCY;

export interface BareRun {
  wallMs: number;
  calls: number;
}

function appJwt(appId: number, privateKeyPem: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: now - 30, exp: now + 540, iss: appId })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKeyPem, 'base64url');
  return `${unsigned}.${signature}`;
}

export async function bareFetchAll(sim: Pick<GitHubSimulator, 'baseUrl' | 'org' | 'app'>): Promise<BareRun> {
  const started = performance.now();
  let calls = 0;
  const base = {
    accept: 'application/vnd.github.v3+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'bench',
  };

  const tokenResponse = await fetch(
    `${sim.baseUrl}/app/installations/${sim.app.installationId}/access_tokens`,
    {
      method: 'POST',
      headers: { ...base, authorization: `bearer ${appJwt(sim.app.appId, sim.app.privateKey)}` },
    },
  );
  calls += 1;
  const { token } = JSON.parse(await tokenResponse.text()) as { token: string };
  const headers = { ...base, authorization: `token ${token}` };

  const get = async (url: string): Promise<{ body: unknown; next: string | null }> => {
    const response = await fetch(url, { headers });
    calls += 1;
    const body: unknown = JSON.parse(await response.text());
    if (response.status !== 200) throw new Error(`bare GET ${url} → ${response.status}`);
    return { body, next: response.headers.get('link')?.match(nextLink)?.[1] ?? null };
  };
  const list = async (path: string, query: Record<string, string> = {}): Promise<unknown[]> => {
    const params = new URLSearchParams({ ...query, per_page: '100' });
    let url: string | null = `${sim.baseUrl}${path}?${params}`;
    const items: unknown[] = [];
    while (url) {
      const page: { body: unknown; next: string | null } = await get(url);
      const body = page.body as unknown[] | { installations: unknown[] };
      items.push(...(Array.isArray(body) ? body : body.installations));
      url = page.next;
    }
    return items;
  };

  const org = `/orgs/${sim.org}`;
  const deployKeys = async () => {
    // deploy-keys lists the repositories again (sorted by name), then fans out.
    const repos = (await list(`${org}/repos`, {
      type: 'all',
      sort: 'full_name',
      direction: 'asc',
    })) as Array<{
      full_name: string;
    }>;
    let nextRepo = 0;
    const worker = async () => {
      while (nextRepo < repos.length) {
        const repo = repos[nextRepo++] as { full_name: string };
        await list(`/repos/${repo.full_name}/keys`);
      }
    };
    await Promise.all(Array.from({ length: DEPLOY_KEY_CONCURRENCY }, worker));
  };
  // The connector's streams, in its order, as many at once as the scan runs them.
  const streams: Array<() => Promise<unknown>> = [
    deployKeys,
    () => get(`${sim.baseUrl}${org}`),
    async () => {
      await list(`${org}/members`, { role: 'admin' });
      await list(`${org}/members`, { filter: '2fa_disabled' });
      await list(`${org}/members`);
    },
    async () => {
      await list(`${org}/outside_collaborators`, { filter: '2fa_disabled' });
      await list(`${org}/outside_collaborators`);
    },
    () => list(`${org}/repos`, { type: 'all' }),
    () => list(`${org}/installations`),
    () => list(`${org}/credential-authorizations`),
    async () => {
      await list(`${org}/personal-access-tokens`);
      await list(`${org}/personal-access-token-requests`);
    },
    () => list(`${org}/hooks`),
    () =>
      Promise.all([
        get(`${sim.baseUrl}${org}/actions/permissions`),
        get(`${sim.baseUrl}${org}/actions/permissions/workflow`),
      ]),
    () => list(`${org}/secret-scanning/alerts`, { hide_secret: 'true' }),
    () => get(`${sim.baseUrl}${org}/copilot/billing`),
  ];
  await forEachConcurrently(streams, STREAM_CONCURRENCY, async (stream) => {
    await stream();
  });

  return { wallMs: performance.now() - started, calls };
}
