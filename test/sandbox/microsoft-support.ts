import tls from 'node:tls';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { Client, GraphError, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { Agent, setGlobalDispatcher } from 'undici';
import type { MicrosoftSimulator } from '../../sandbox/index.ts';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/**
 * Trusts a simulator's self-signed CA for this test process. The Graph SDK and msal-node both
 * call Node's global fetch, which ignores `agent` options and reads NODE_EXTRA_CA_CERTS only at
 * start (the simulator makes a fresh certificate each run), so the CA goes into undici's global
 * dispatcher, next to the system roots. Vitest runs each test file in its own process. Every
 * sandbox certificate has the same subject, so only the latest simulator's CA is trusted.
 */
export function trustSimulator(sim: MicrosoftSimulator): void {
  setGlobalDispatcher(new Agent({ connect: { ca: [...tls.rootCertificates, sim.caPem] } }));
}

/** A confidential client for the scanner app, as the connector builds it (secret or certificate). */
export function msalFor(
  sim: MicrosoftSimulator,
  credential: 'secret' | 'certificate' = 'secret',
  auth: Partial<Configuration['auth']> = {},
): ConfidentialClientApplication {
  const { certificate } = sim.scanner;
  return new ConfidentialClientApplication({
    auth: {
      clientId: sim.scanner.clientId,
      authority: sim.authority,
      knownAuthorities: [sim.knownAuthority],
      ...(credential === 'secret'
        ? { clientSecret: sim.scanner.clientSecret }
        : {
            clientCertificate: {
              thumbprintSha256: certificate.thumbprintSha256,
              privateKey: certificate.privateKeyPem,
            },
          }),
      ...auth,
    },
  });
}

export async function tokenFor(
  sim: MicrosoftSimulator,
  credential: 'secret' | 'certificate' = 'secret',
  scope = GRAPH_SCOPE,
): Promise<string> {
  const result = await msalFor(sim, credential).acquireTokenByClientCredential({ scopes: [scope] });
  if (!result) throw new Error('no token');
  return result.accessToken;
}

/** The Graph SDK pointed at the simulator (customHosts holds the bare host, no port). */
export function graphFor(sim: MicrosoftSimulator, token: string): Client {
  return Client.init({
    authProvider: (done) => done(null, token),
    baseUrl: sim.graphBaseUrl,
    customHosts: new Set([sim.graphHost]),
  });
}

/** Request options that switch the SDK's RetryHandler off, to observe a 429/503 as is. */
export const noRetry = [new RetryHandlerOptions(0, 0)];

/** The error a Graph SDK call rejected with. */
export async function graphRejection(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Decodes a JWT's payload (no verification). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** Follows every nextLink of a Graph list and returns all items and the page count. */
export async function allPages<T = Record<string, unknown>>(
  client: Client,
  first: { value?: T[]; '@odata.nextLink'?: string },
): Promise<{ items: T[]; pages: number; last: Record<string, unknown> }> {
  const items: T[] = [...(first.value ?? [])];
  let page: Record<string, unknown> = first as Record<string, unknown>;
  let pages = 1;
  while (typeof page['@odata.nextLink'] === 'string') {
    page = (await client.api(page['@odata.nextLink'] as string).get()) as Record<string, unknown>;
    items.push(...((page.value as T[] | undefined) ?? []));
    pages += 1;
  }
  return { items, pages, last: page };
}
