/**
 * `POST /v1.0/$batch`: up to 20 steps (400 beyond), run in order; a step whose `dependsOn` failed
 * answers 424; every step passes the same pipeline as an HTTP call (faults, forced throttles,
 * permissions, the resource-unit budget — so one can be an inner 429 with Retry-After, which the
 * Graph SDK does not retry); the responses come back shuffled, as Graph allows.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults.ts';
import type { Random } from '../random.ts';
import type { RequestCounter } from '../request-counter.ts';
import type { AccessGrant } from './auth.ts';
import { type GraphCallDeps, routeGraph, serveGraph } from './graph-call.ts';
import { badRequest, type GraphReply, graphError } from './wire.ts';

export const MAX_BATCH_STEPS = 20;

interface Step {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export interface BatchDeps extends GraphCallDeps {
  faults: FaultInjector;
  batchRequests: RequestCounter;
  random: Random;
  /** Adds innerError to an error body (request ids, date). */
  finishError(body: unknown, clientRequestId?: string): unknown;
}

/** Runs the fault injector on a step: the canned answer it would write, 'reset', or undefined. */
async function stepFault(
  faults: FaultInjector,
  outer: ServerResponse,
  target: { method: string; path: string; template?: string },
): Promise<GraphReply | 'reset' | undefined> {
  let status = 0;
  let headers: Record<string, string> = {};
  let data = '';
  let destroyed = false;
  const capture = {
    writeHead(s: number, h: Record<string, string>) {
      status = s;
      headers = h;
      return capture;
    },
    end(chunk?: string) {
      data = chunk ?? '';
    },
    socket: {
      destroy() {
        destroyed = true;
        outer.socket?.destroy();
      },
    },
  };
  const hit = await faults.intercept({} as IncomingMessage, capture as unknown as ServerResponse, target);
  if (!hit) return undefined;
  if (destroyed) return 'reset';
  try {
    return { status, headers, body: JSON.parse(data) };
  } catch {
    return { status, headers, raw: { contentType: 'application/json', data } };
  }
}

function parseSteps(text: string): Step[] | GraphReply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return badRequest('Invalid batch payload format.');
  }
  const requests = (parsed as { requests?: unknown })?.requests;
  if (!Array.isArray(requests)) return badRequest('Invalid batch payload format.');
  if (requests.length > MAX_BATCH_STEPS) {
    return badRequest(`The number of batch requests exceeds the maximum allowed (${MAX_BATCH_STEPS}).`);
  }
  const seen = new Set<string>();
  const steps: Step[] = [];
  for (const raw of requests as Array<Record<string, unknown>>) {
    const id = raw?.id;
    if (typeof id !== 'string' || typeof raw.method !== 'string' || typeof raw.url !== 'string') {
      return badRequest('Invalid batch payload format.');
    }
    if (seen.has(id)) return badRequest('Batch request contains duplicate ids.');
    const dependsOn = Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : undefined;
    if (dependsOn?.some((d) => !seen.has(d)))
      return badRequest('Batch request contains an unknown or later dependsOn id.');
    seen.add(id);
    steps.push({
      id,
      method: raw.method.toUpperCase(),
      url: raw.url,
      headers: raw.headers as Record<string, string> | undefined,
      dependsOn,
    });
  }
  return steps;
}

/** A step's URL is relative to the version (`/users?$top=1`); an absolute one is accepted too. */
function stepTarget(url: string): { path: string; query: URLSearchParams } {
  const relative = url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/?(v1\.0|beta)(?=\/|$)/, '');
  const parsed = new URL(relative.startsWith('/') ? relative : `/${relative}`, 'https://graph.local');
  return { path: `/v1.0${parsed.pathname === '/' ? '' : parsed.pathname}`, query: parsed.searchParams };
}

function asStepResponse(id: string, reply: GraphReply, deps: BatchDeps, clientRequestId?: string) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    const canonical =
      name.toLowerCase() === 'retry-after'
        ? 'Retry-After'
        : name.toLowerCase() === 'location'
          ? 'Location'
          : name;
    headers[canonical] = value;
  }
  let body: unknown = reply.body;
  if (reply.raw) {
    headers['Content-Type'] = reply.raw.contentType;
    body = Buffer.isBuffer(reply.raw.data) ? reply.raw.data.toString('base64') : reply.raw.data;
  } else if (body !== undefined) {
    headers['Content-Type'] =
      'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
    if (reply.status >= 400) body = deps.finishError(body, clientRequestId);
  }
  return { id, status: reply.status, headers, ...(body === undefined ? {} : { body }) };
}

export async function runBatch(
  deps: BatchDeps,
  text: string,
  grant: AccessGrant | 'expired' | undefined,
  outer: ServerResponse,
  clientRequestId?: string,
): Promise<GraphReply | 'reset'> {
  const steps = parseSteps(text);
  if (!Array.isArray(steps)) return steps;
  const statuses = new Map<string, number>();
  const responses: Array<ReturnType<typeof asStepResponse>> = [];
  for (const step of steps) {
    let reply: GraphReply;
    let template = step.url;
    if (step.dependsOn?.some((d) => (statuses.get(d) ?? 500) >= 400)) {
      reply = graphError(424, 'FailedDependency', 'Failed dependency.');
    } else {
      const { path, query } = stepTarget(step.url);
      const headers = Object.fromEntries(
        Object.entries(step.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      const match = routeGraph(deps, { method: step.method, path, query, headers });
      template = 'status' in match ? path : match.template;
      const fault = await stepFault(deps.faults, outer, { method: step.method, path, template });
      if (fault === 'reset') return 'reset';
      reply =
        fault ??
        ('status' in match
          ? match
          : serveGraph(deps, { method: step.method, path, query, headers }, match, grant));
    }
    statuses.set(step.id, reply.status);
    deps.batchRequests.record(step.method, template, reply.status);
    responses.push(asStepResponse(step.id, reply, deps, clientRequestId));
  }
  // Graph may answer the steps in any order.
  for (let i = responses.length - 1; i > 0; i -= 1) {
    const j = deps.random.int(0, i);
    [responses[i], responses[j]] = [
      responses[j] as (typeof responses)[number],
      responses[i] as (typeof responses)[number],
    ];
  }
  return { status: 200, body: { responses } };
}
