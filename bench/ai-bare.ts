/**
 * The baseline an AI-vendor scan is compared with: undici `fetch` + `JSON.parse` of the same
 * lists a full scan reads (same paths, largest page sizes, cursors followed page by page), at most
 * 8 requests in flight (the connectors' default) — nothing normalised, stored or evaluated. Its
 * call count is the floor: one call per page of every list and one per single-object read.
 * The URLs follow the connectors' MODEL.md tables at the time of writing.
 */
import { Agent, fetch } from 'undici';
import { forEachConcurrently } from '../scanner/for-each-concurrently.ts';
import type { AiTarget } from './ai-remote.ts';

const IN_FLIGHT = 8;
const DAY_MS = 86_400_000;

export interface BareRun {
  wallMs: number;
  calls: number;
  /** CPU seconds of this process (the bare client) while it ran. */
  clientCpuSeconds: number;
}

type Body = Record<string, unknown> & { data?: Array<Record<string, unknown>> };

/** One client: a keep-alive agent, a cap on requests in flight, a call count. */
function bareClient(headers: Record<string, string>) {
  const dispatcher = new Agent({ connections: IN_FLIGHT, keepAliveTimeout: 10_000 });
  let calls = 0;
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const get = async (url: string): Promise<Body> => {
    while (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight += 1;
    try {
      calls += 1;
      const response = await fetch(url, { headers, dispatcher });
      const text = await response.text();
      if (!response.ok) throw new Error(`bare GET ${url}: ${response.status} ${text.slice(0, 200)}`);
      return JSON.parse(text) as Body;
    } finally {
      inFlight -= 1;
      waiting.shift()?.();
    }
  };
  /** Every item of a list, following `cursor(body)` (the next page's URL) until it is null. */
  const all = async (first: string, cursor: (body: Body, url: string) => string | null) => {
    const items: Array<Record<string, unknown>> = [];
    let url: string | null = first;
    while (url) {
      const body = await get(url);
      items.push(...(body.data ?? []));
      url = cursor(body, url);
    }
    return items;
  };
  return { get, all, calls: () => calls, close: () => dispatcher.close() };
}

function withParam(url: string, name: string, value: string): string {
  const next = new URL(url);
  next.searchParams.set(name, value);
  return next.toString();
}

async function timed(work: () => Promise<number>): Promise<BareRun> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const calls = await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, calls, clientCpuSeconds: (used.user + used.system) / 1e6 };
}

/** OpenAI, admin key only: the organization's lists, then each active project's. */
export function bareOpenAI(target: AiTarget, loginLookbackDays = 180): Promise<BareRun> {
  return timed(async () => {
    const client = bareClient({ authorization: `Bearer ${target.adminKey}` });
    const base = target.baseUrl.replace(/\/$/, '');
    const byLastId = (body: Body, url: string) =>
      body.has_more ? withParam(url, 'after', String(body.last_id)) : null;
    const since = Math.floor((Date.now() - loginLookbackDays * DAY_MS) / 1000);
    try {
      const org = [
        client.all(`${base}/organization/users?limit=100`, byLastId),
        client.all(
          `${base}/organization/audit_logs?limit=100&event_types[]=login.succeeded&effective_at[gte]=${since}`,
          byLastId,
        ),
        client.all(`${base}/organization/invites?limit=100`, byLastId),
        client.get(`${base}/organization/data_retention`),
        client.all(`${base}/organization/admin_api_keys?limit=100`, byLastId),
      ];
      const projects = await client.all(
        `${base}/organization/projects?limit=100&include_archived=true`,
        byLastId,
      );
      const active = projects.filter((p) => p.status === 'active');
      await forEachConcurrently(active, IN_FLIGHT, async (project) => {
        const p = `${base}/organization/projects/${String(project.id)}`;
        await Promise.all([
          client.get(`${p}/data_retention`),
          client.get(`${p}/hosted_tool_permissions`),
          client.get(`${p}/model_permissions`),
          client.all(`${p}/rate_limits?limit=100`, byLastId),
          client.all(`${p}/users?limit=100`, byLastId),
          client.all(`${p}/service_accounts?limit=100`, byLastId),
          client.all(`${p}/api_keys?limit=100`, byLastId),
        ]);
      });
      await Promise.all(org);
      return client.calls();
    } finally {
      await client.close();
    }
  });
}

/** Anthropic over the 2026-10-21 wire: lists, members per live workspace, the two reports. */
export function bareAnthropic(target: AiTarget, usageLookbackDays = 90): Promise<BareRun> {
  return timed(async () => {
    const client = bareClient({
      authorization: `Bearer ${target.adminKey}`,
      'anthropic-version': '2026-10-21',
    });
    const base = `${target.baseUrl.replace(/\/$/, '')}/v1/organizations`;
    const byLastId = (body: Body, url: string) =>
      body.has_more ? withParam(url, 'after_id', String(body.last_id)) : null;
    const byNextPage = (body: Body, url: string) =>
      body.has_more ? withParam(url, 'page', String(body.next_page)) : null;
    const today = new Date();
    today.setUTCHours(0, 0, 0, 0);
    const start = new Date(today.getTime() - usageLookbackDays * DAY_MS).toISOString();
    const report = `starting_at=${encodeURIComponent(start)}&bucket_width=1d&limit=31`;
    try {
      const org = [
        client.get(`${base}/me`),
        client.all(`${base}/users?limit=1000`, byLastId),
        client.all(`${base}/invites?limit=1000`, byLastId),
        client.all(`${base}/api_keys?limit=1000`, byLastId),
        client.all(
          `${base}/usage_report/messages?${report}&group_by[]=api_key_id&group_by[]=workspace_id`,
          byNextPage,
        ),
        client.all(
          `${base}/cost_report?${report}&group_by[]=workspace_id&group_by[]=description`,
          byNextPage,
        ),
      ];
      const workspaces = await client.all(`${base}/workspaces?limit=1000&include_archived=true`, byLastId);
      const live = workspaces.filter((w) => w.archived_at === null);
      await forEachConcurrently(live, IN_FLIGHT, async (workspace) => {
        await client.all(`${base}/workspaces/${String(workspace.id)}/members?limit=1000`, byLastId);
      });
      await Promise.all(org);
      return client.calls();
    } finally {
      await client.close();
    }
  });
}
