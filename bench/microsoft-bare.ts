/**
 * The baseline a Microsoft 365 scan is compared with: undici `fetch` + `JSON.parse` of the same
 * URLs a first pass reads (same paths, `$select`, page sizes, Prefer headers and `$batch` POST
 * bodies of 20 permission reads), through one keep-alive agent trusting the simulator's CA, at
 * most 8 requests in flight (the connector's default), its streams two at a time — and nothing
 * normalised, stored or evaluated. Two access tokens (Graph, SharePoint admin) come from the
 * token endpoint with a certificate assertion, as the connector's.
 *
 * `driveLanes` is how many sites are read at once (each site's drives, pages and `$batch`es one
 * after another): 8 uses the connection's whole allowance; the connector's drives stream reads 4.
 * The URLs follow the connector's at the time of writing (its constants are not exported).
 */
import { createSign, randomUUID } from 'node:crypto';
import { Agent, fetch } from 'undici';
import { SP_FIELDS } from '../connectors/microsoft-365/directory.ts';
import { MICROSOFT_APIS } from '../connectors/microsoft-365/streams/apps.ts';
import { forEachConcurrently } from '../scanner/for-each-concurrently.ts';
import { DEFAULT_STREAM_CONCURRENCY } from '../scanner/scan.ts';
import type { MicrosoftTarget } from './microsoft-remote.ts';

const IN_FLIGHT = 8;
const BATCH = 20;
/** connectors/microsoft-365/directory.ts USER_FIELDS and streams/drives.ts ITEM_FIELDS (not exported there). */
const USER_FIELDS = 'id,displayName,userPrincipalName,mail,accountEnabled,userType,createdDateTime';
const ITEM_FIELDS = 'id,name,webUrl,size,lastModifiedDateTime,file,folder,shared,deleted,parentReference';
const PREFER = 'deltashowremovedasdeleted, deltatraversepermissiongaps, deltashowsharingchanges';
const EXPANDED_MEMBERS = 20;

export interface BareRun {
  wallMs: number;
  /** Graph and SharePoint calls; a `$batch` counts once. */
  calls: number;
  batchSteps: number;
  tokenCalls: number;
  /** CPU seconds of this process (the bare client) while it ran. */
  clientCpuSeconds: number;
}

interface Page {
  value?: Array<Record<string, unknown>>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface Item {
  id: string;
  folder?: unknown;
  shared?: unknown;
  deleted?: unknown;
  root?: unknown;
  parentReference?: { id?: string };
}

function clientAssertion(target: MicrosoftTarget, tokenUrl: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = {
    alg: 'RS256',
    typ: 'JWT',
    'x5t#S256': Buffer.from(target.scanner.thumbprintSha256, 'hex').toString('base64url'),
  };
  const claims = {
    aud: tokenUrl,
    iss: target.scanner.clientId,
    sub: target.scanner.clientId,
    jti: randomUUID(),
    nbf: now,
    exp: now + 600,
  };
  const unsigned = `${part(header)}.${part(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(target.scanner.privateKeyPem, 'base64url')}`;
}

export async function bareFetchAll(target: MicrosoftTarget, driveLanes: number): Promise<BareRun> {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, connect: { ca: [target.caPem] } });
  const started = performance.now();
  const cpu = process.cpuUsage();
  let calls = 0;
  let batchSteps = 0;
  let tokenCalls = 0;
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const limited = async <T>(work: () => Promise<T>): Promise<T> => {
    if (inFlight < IN_FLIGHT) inFlight += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else inFlight -= 1;
    }
  };

  const tokenUrl = `${target.authority}/oauth2/v2.0/token`;
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (scope: string): Promise<string> => {
    let token = tokens.get(scope);
    if (!token) {
      token = limited(async () => {
        const response = await fetch(tokenUrl, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: target.scanner.clientId,
            scope,
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: clientAssertion(target, tokenUrl),
          }).toString(),
        });
        tokenCalls += 1;
        const body = JSON.parse(await response.text()) as { access_token?: string };
        if (response.status !== 200 || !body.access_token) throw new Error(`bare token → ${response.status}`);
        return body.access_token;
      });
      tokens.set(scope, token);
    }
    return token;
  };
  const graphToken = () => tokenFor('https://graph.microsoft.com/.default');

  const send = async <T>(
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string; token: Promise<string> },
  ): Promise<T> => {
    const token = await init.token;
    return limited(async () => {
      const response = await fetch(url, {
        method: init.method ?? 'GET',
        dispatcher: agent,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...init.headers },
        body: init.body,
      });
      calls += 1;
      const body = JSON.parse(await response.text()) as T;
      if (response.status !== 200)
        throw new Error(`bare ${init.method ?? 'GET'} ${url} → ${response.status}`);
      return body;
    });
  };
  const graphUrl = (path: string) => (path.startsWith('https://') ? path : `${target.origin}/v1.0${path}`);
  const get = <T>(path: string, headers?: Record<string, string>) =>
    send<T>(graphUrl(path), { headers, token: graphToken() });
  /** Every page of a collection (follows `@odata.nextLink`). */
  const listAll = async <T>(path: string, headers?: Record<string, string>): Promise<T[]> => {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const page: Page = await get<Page>(next, headers);
      items.push(...((page.value ?? []) as T[]));
      next = page['@odata.nextLink'];
    }
    return items;
  };
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    let promise = memo.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = compute();
      memo.set(key, promise);
    }
    return promise;
  };
  const users = () =>
    once('users', () => listAll<{ id: string }>(`/users?$select=${USER_FIELDS},signInActivity&$top=500`));
  const servicePrincipals = () =>
    once('sps', () =>
      listAll<{ id: string; appId?: string }>(`/servicePrincipals?$select=${SP_FIELDS}&$top=999`),
    );
  const domains = () => once('domains', () => listAll('/organization?$select=verifiedDomains'));

  /** Permissions of the items that need them, 20 a `$batch`, one after another (as the connector). */
  const permissions = async (driveId: string, items: Item[]) => {
    for (let i = 0; i < items.length; i += BATCH) {
      const requests = items.slice(i, i + BATCH).map((item, k) => ({
        id: String(i + k),
        method: 'GET',
        url: `/drives/${driveId}/items/${item.id}/permissions`,
      }));
      const body = await send<{ responses?: Array<{ status: number }> }>(`${target.origin}/v1.0/$batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requests }),
        token: graphToken(),
      });
      batchSteps += requests.length;
      if (body.responses?.length !== requests.length || body.responses.some((r) => r.status !== 200))
        throw new Error(`bare $batch for drive ${driveId}: not every step answered 200`);
    }
  };
  const readDrive = async (driveId: string) => {
    const sharedFolders = new Set<string>();
    let next: string | undefined = `/drives/${driveId}/root/delta?$select=${ITEM_FIELDS}&$top=1000`;
    while (next) {
      const page: Page = await get<Page>(next, { prefer: PREFER });
      const needs: Item[] = [];
      for (const item of (page.value ?? []) as unknown as Item[]) {
        if (item.deleted || item.root !== undefined) continue;
        const parent = item.parentReference?.id;
        const inherited = parent !== undefined && sharedFolders.has(parent);
        if (item.folder && (item.shared || inherited)) sharedFolders.add(item.id);
        if (item.shared || inherited) needs.push(item);
      }
      await permissions(driveId, needs);
      next = page['@odata.nextLink'];
    }
  };

  const drives = async () => {
    await domains();
    const sites = await listAll<{ id: string }>(
      '/sites/getAllSites?$select=id,displayName,name,lastModifiedDateTime&$top=999',
    );
    await forEachConcurrently(sites, driveLanes, async (site) => {
      const siteDrives = await listAll<{ id: string }>(
        `/sites/${site.id}/drives?$select=id,name,driveType,owner`,
      );
      for (const drive of siteDrives) await readDrive(drive.id);
    });
  };
  const usersStream = async () => {
    await users();
    await listAll('/reports/authenticationMethods/userRegistrationDetails?$top=999');
    const roles = await listAll<{ id: string; members?: unknown[] }>('/directoryRoles?$expand=members');
    for (const role of roles)
      if ((role.members?.length ?? 0) >= EXPANDED_MEMBERS)
        await listAll(`/directoryRoles/${role.id}/members?$select=id`);
  };
  const apps = async () => {
    let next: string | undefined = `/servicePrincipals/delta?$select=${SP_FIELDS}`;
    while (next) {
      const page: Page = await get<Page>(next, { prefer: 'odata.maxpagesize=999' });
      next = page['@odata.nextLink'];
    }
    for (const api of (await servicePrincipals()).filter(
      (sp) => sp.appId && MICROSOFT_APIS.includes(sp.appId),
    )) {
      await get(`/servicePrincipals/${api.id}?$select=id,appRoles`);
      await listAll(`/servicePrincipals/${api.id}/appRoleAssignedTo?$top=999`);
    }
    await listAll('/applications?$select=id,appId,displayName,passwordCredentials,keyCredentials&$top=999');
  };
  const consentGrants = async () => {
    await listAll('/oauth2PermissionGrants?$top=999');
    await servicePrincipals();
    await users();
  };
  const consentPolicy = async () => {
    await get('/policies/authorizationPolicy');
    await get('/policies/adminConsentRequestPolicy');
  };
  const sharepointSettings = () => get('/admin/sharepoint/settings');
  const admin = `${new URL(target.sharepointAdminUrl).origin}/`;
  const sharepointTenant = () =>
    send(`${admin}_api/SPO.Tenant`, {
      headers: { accept: 'application/json;odata=nometadata' },
      token: tokenFor(`${admin}.default`),
    });
  const signInActivity = () => get('/users?$select=id,signInActivity&$top=1');
  const mfaRegistration = () => get('/reports/authenticationMethods/userRegistrationDetails?$top=1');

  // The connector's streams in its order, as many at once as a scan runs.
  const streams: Array<() => Promise<unknown>> = [
    drives,
    usersStream,
    apps,
    consentGrants,
    consentPolicy,
    sharepointSettings,
    sharepointTenant,
    signInActivity,
    mfaRegistration,
  ];
  try {
    await forEachConcurrently(streams, DEFAULT_STREAM_CONCURRENCY, async (stream) => {
      await stream();
    });
    const used = process.cpuUsage(cpu);
    return {
      wallMs: performance.now() - started,
      calls,
      batchSteps,
      tokenCalls,
      clientCpuSeconds: (used.user + used.system) / 1e6,
    };
  } finally {
    await agent.close();
  }
}
