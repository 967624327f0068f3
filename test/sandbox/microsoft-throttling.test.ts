import { ResponseType } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  budgetFor,
  type MicrosoftSimulator,
  resourceUnitCost,
  startMicrosoftSimulator,
} from '../../sandbox/index.ts';
import { graphFor, graphRejection, noRetry, tokenFor, trustSimulator } from './microsoft-support.ts';

describe('Microsoft simulator throttling and faults', () => {
  let sim: MicrosoftSimulator;
  let token: string;
  const client = () => graphFor(sim, token);

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({
      seed: 10,
      size: { users: 30, itemsPerDrive: 2, sites: 0 },
      throttle: { resourceUnits: true, budget: 10, windowMs: 1000 },
    });
    trustSimulator(sim);
    token = await tokenFor(sim);
  });
  afterAll(() => sim.close());

  it('prices calls as the throttling docs do, and sizes budgets by user count', () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(resourceUnitCost('GET', '/v1.0/users', q(''))).toBe(2);
    expect(resourceUnitCost('GET', '/v1.0/users', q('$select=id&$top=999'))).toBe(1);
    expect(resourceUnitCost('GET', '/v1.0/directoryRoles', q('$expand=members'))).toBe(2);
    expect(resourceUnitCost('GET', '/v1.0/organization', q('$select=id&$top=1'))).toBe(1);
    expect([budgetFor(49), budgetFor(50), budgetFor(500), budgetFor(501)]).toEqual([3500, 5000, 5000, 8000]);
  });

  it('answers 429 with Retry-After and the x-ms-throttle headers once the RU budget is spent', async () => {
    sim.throttle.reset();
    const statuses: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = (await client()
        .api('/users')
        .middlewareOptions(noRetry)
        .responseType(ResponseType.RAW)
        .get()) as Response;
      statuses.push(
        `${res.status}:${res.headers.get('x-ms-resource-unit')}:${res.headers.get('x-ms-throttle-limit-percentage')}`,
      );
    }
    expect(statuses).toEqual(['200:2:null', '200:2:null', '200:2:null', '200:2:null', '200:2:1.0']);
    const throttled = await graphRejection(client().api('/users').middlewareOptions(noRetry).get());
    expect(throttled.statusCode).toBe(429);
    expect(throttled.code).toBe('TooManyRequests');
    expect(Number(throttled.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(throttled.headers?.get('x-ms-throttle-scope')).toBe(
      `Tenant_Application/ReadWrite/${sim.scanner.clientId}/${sim.tenantId}`,
    );
    expect(throttled.headers?.get('x-ms-throttle-information')).toBe('ResourceUnitLimitExceeded');
    // SharePoint-backed calls are not metered in resource units.
    expect((await client().api('/sites/getAllSites').get()).value.length).toBeGreaterThan(0);
  });

  it('lets the SDK’s RetryHandler wait out Retry-After and succeed', async () => {
    sim.throttle.reset();
    sim.requests.reset();
    for (let i = 0; i < 5; i += 1) await client().api('/users').get();
    const page = await client().api('/users').get();
    expect(page.value.length).toBeGreaterThan(0);
    expect(sim.requests.byEndpoint()['GET /v1.0/users']?.byStatus).toEqual({ '200': 6, '429': 1 });
  });

  it('counts $batch steps against the budget: the excess steps answer 429 inside the batch', async () => {
    sim.throttle.reset();
    const requests = Array.from({ length: 7 }, (_, n) => ({ id: String(n), method: 'GET', url: '/users' }));
    const raw = (await client().api('/$batch').post({ requests })) as {
      responses: Array<{ id: string; status: number; headers: Record<string, string> }>;
    };
    const statuses = raw.responses.sort((a, b) => Number(a.id) - Number(b.id)).map((r) => r.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(raw.responses.find((r) => r.status === 429)?.headers['Retry-After']).toBeTruthy();
    sim.throttle.settings.resourceUnits = false;
  });

  it('can make a path answer 429 without Retry-After (as Identity Protection and Conditional Access do)', async () => {
    const forced = sim.throttle.force({ path: '/v1.0/organization', retryAfter: null, times: 1 });
    const res = (await client()
      .api('/organization')
      .middlewareOptions(noRetry)
      .responseType(ResponseType.RAW)
      .get()) as Response;
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(forced.hits).toBe(1);
    expect((await client().api('/organization').get()).value).toHaveLength(1);
    const spo = sim.throttle.force({ path: '/_api/SPO.Tenant', status: 503, retryAfter: 2, times: 1 });
    const spoRes = await fetch(`${sim.sharepointAdminUrl}/_api/SPO.Tenant`);
    expect(spoRes.status).toBe(503);
    expect(spoRes.headers.get('retry-after')).toBe('2');
    sim.throttle.removeForced(spo.id);
  });

  it('injects faults with Graph error bodies: 503, a retried 429, malformed JSON, a reset connection', async () => {
    sim.faults.add({ path: '/v1.0/applications', kind: 'server-error', status: 503, times: 1 });
    const unavailable = await graphRejection(client().api('/applications').middlewareOptions(noRetry).get());
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.code).toBe('serviceNotAvailable');
    expect(unavailable.requestId).toBeTruthy();

    sim.requests.reset();
    sim.faults.add({ path: '/v1.0/servicePrincipals', kind: 'rate-limit', retryAfter: 1, times: 1 });
    const retried = await client().api('/servicePrincipals').top(1).get();
    expect(retried.value).toHaveLength(1);
    expect(sim.requests.byEndpoint()['GET /v1.0/servicePrincipals']?.byStatus).toEqual({
      '200': 1,
      '429': 1,
    });

    sim.faults.add({ path: '/v1.0/oauth2PermissionGrants', kind: 'malformed', times: 1 });
    await expect(client().api('/oauth2PermissionGrants').get()).rejects.toThrow();

    sim.faults.add({ path: /^\/v1\.0\/directoryRoles/, kind: 'reset', times: 1 });
    await expect(client().api('/directoryRoles').middlewareOptions(noRetry).get()).rejects.toThrow();
    expect(sim.requests.byStatus().reset).toBe(1);
    sim.faults.clear();
  });
});
