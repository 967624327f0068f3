/**
 * The HTTP transport every vendor SDK gets: a `fetch`-compatible function over undici's
 * `request` and one keep-alive agent. Node's global fetch runs the full WHATWG fetch algorithm
 * (Request/Response objects, web streams) for every call; on a scan's fan-out (2,000 deploy-key
 * calls) that machinery cost as much CPU as everything else, and undici's request halves it.
 * Vendor APIs answer JSON, so bodies are read whole; a body type this transport does not
 * handle goes through the global fetch unchanged.
 */
import { rootCertificates } from 'node:tls';
import { Agent, request, fetch as undiciFetch } from 'undici';

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) {
    for (const [name, value] of headers) out[name] = value;
  } else if (Array.isArray(headers))
    for (const [name = '', value = ''] of headers) out[name.toLowerCase()] = value;
  else for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = String(value);
  return out;
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

const noBodyStatuses = new Set([101, 204, 205, 304]);

export const transportFetch: typeof fetch = (input, init) => agentFetch(agent, input, init);

/**
 * The same transport trusting one more certificate authority besides the system's (a
 * TLS-inspecting proxy in front of a vendor, or a sandbox's self-signed certificate).
 */
export function transportFetchTrusting(caPem: string): typeof fetch {
  const trusting = trustingAgent(caPem);
  return (input, init) => agentFetch(trusting, input, init);
}

function trustingAgent(caPem: string): Agent {
  return new Agent({
    keepAliveTimeout: 30_000,
    connections: 64,
    connect: { ca: [...rootCertificates, caPem] },
  });
}

/**
 * A fetch whose response body streams (file content for DLP, read up to a byte cap), on the
 * same agents as the transport above.
 */
export function streamingFetch(caPem?: string): typeof fetch {
  const dispatcher = caPem ? trustingAgent(caPem) : agent;
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher })) as unknown as typeof fetch;
}

const agentFetch = async (dispatcher: Agent, input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const body = init?.body;
  const simpleBody =
    body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
  if (input instanceof Request || !simpleBody) return fetch(input, init);
  const url = input instanceof URL ? input.href : String(input);
  const response = await request(url, {
    method: (init?.method?.toUpperCase() ?? 'GET') as Method,
    headers: headerRecord(init?.headers),
    body: (body ?? undefined) as string | Uint8Array | undefined,
    dispatcher,
    signal: init?.signal ?? undefined,
    maxRedirections: init?.redirect === 'manual' ? 0 : 5,
  });
  const text = await response.body.text();
  const result = new Response(noBodyStatuses.has(response.statusCode) ? null : text, {
    status: response.statusCode,
    headers: responseHeaders(response.headers),
  });
  Object.defineProperty(result, 'url', { value: url });
  return result;
};
