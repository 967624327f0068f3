import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_STEPS, type MicrosoftSimulator, startMicrosoftSimulator } from '../../sandbox/index.ts';
import { graphFor, tokenFor, trustSimulator } from './microsoft-support.ts';

interface StepResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

describe('Microsoft simulator $batch', () => {
  let sim: MicrosoftSimulator;
  let token: string;
  const client = () => graphFor(sim, token);
  const spIds = () => sim.tenant.servicePrincipals.slice(0, MAX_BATCH_STEPS).map((s) => s.id);

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ seed: 9, size: { users: 40, itemsPerDrive: 2, sites: 0 } });
    trustSimulator(sim);
    token = await tokenFor(sim);
  });
  afterAll(() => sim.close());

  it('runs 20 steps built by the SDK, answers them shuffled, and counts each step', async () => {
    sim.requests.reset();
    sim.batchRequests.reset();
    const ids = spIds();
    const content = new BatchRequestContent(
      ids.map((id, n) => ({
        id: String(n + 1),
        request: new Request(`${sim.graphBaseUrl}v1.0/servicePrincipals/${id}/appRoleAssignments?$top=999`, {
          method: 'GET',
        }),
      })),
    );
    const raw = (await client()
      .api('/$batch')
      .post(await content.getContent())) as { responses: StepResponse[] };
    const order = raw.responses.map((r) => Number(r.id));
    expect([...order].sort((a, b) => a - b)).toEqual(ids.map((_, n) => n + 1));
    expect(order).not.toEqual([...order].sort((a, b) => a - b));

    const parsed = new BatchResponseContent(raw);
    const graph = (await (parsed.getResponseById('1') as Response).json()) as { value: unknown[] };
    const expected = sim.tenant.assignments.filter((a) => a.principalId === ids[0]).length;
    expect(graph.value).toHaveLength(expected);
    expect(raw.responses.every((r) => r.status === 200 && r.headers['x-ms-resource-unit'] === '2')).toBe(
      true,
    );

    expect(sim.requests.count('POST', '/v1.0/$batch')).toBe(1);
    expect(sim.requests.total()).toBe(1);
    expect(sim.batchRequests.count('GET', '/v1.0/servicePrincipals/{id}/appRoleAssignments')).toBe(20);
  });

  it('refuses more than 20 steps and malformed payloads with 400', async () => {
    const steps = Array.from({ length: 21 }, (_, n) => ({
      id: String(n),
      method: 'GET',
      url: '/organization',
    }));
    const res = await fetch(`${sim.origin}/v1.0/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests: steps }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BadRequest');
    const bad = await fetch(`${sim.origin}/v1.0/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"requests": [{"id": "1"}]}',
    });
    expect(bad.status).toBe(400);
  });

  it('answers 424 for a step whose dependency failed, and errors inside steps', async () => {
    const raw = (await client()
      .api('/$batch')
      .post({
        requests: [
          { id: '1', method: 'GET', url: '/servicePrincipals/00000000-0000-0000-0000-000000000000' },
          {
            id: '2',
            method: 'GET',
            url: '/servicePrincipals/00000000-0000-0000-0000-000000000000/appRoleAssignments',
            dependsOn: ['1'],
          },
          { id: '3', method: 'GET', url: '/organization', dependsOn: ['1'] },
          { id: '4', method: 'GET', url: '/nonsense' },
          { id: '5', method: 'GET', url: 'users?$top=1&$select=id' },
        ],
      })) as { responses: StepResponse[] };
    const byId = new Map(raw.responses.map((r) => [r.id, r]));
    expect(byId.get('1')?.status).toBe(404);
    expect(byId.get('1')?.body).toMatchObject({
      error: { code: 'Request_ResourceNotFound', innerError: { 'request-id': expect.any(String) } },
    });
    expect(byId.get('2')?.status).toBe(424);
    expect(byId.get('3')?.status).toBe(424);
    expect(byId.get('4')?.status).toBe(400);
    expect(byId.get('5')?.status).toBe(200);
    expect(byId.get('5')?.body?.value).toHaveLength(1);
  });

  it('answers an inner 429 with Retry-After, which the SDK does not retry', async () => {
    sim.batchRequests.reset();
    const forced = sim.throttle.force({ path: '/v1.0/oauth2PermissionGrants', times: 1, retryAfter: 7 });
    try {
      const raw = (await client()
        .api('/$batch')
        .post({
          requests: [
            { id: 'a', method: 'GET', url: '/oauth2PermissionGrants?$top=5' },
            { id: 'b', method: 'GET', url: '/users?$top=5' },
          ],
        })) as { responses: StepResponse[] };
      const throttled = raw.responses.find((r) => r.id === 'a');
      expect(throttled?.status).toBe(429);
      expect(throttled?.headers['Retry-After']).toBe('7');
      expect(throttled?.body).toMatchObject({ error: { code: 'TooManyRequests' } });
      expect(raw.responses.find((r) => r.id === 'b')?.status).toBe(200);
      expect(sim.batchRequests.byEndpoint()['GET /v1.0/oauth2PermissionGrants']?.byStatus).toEqual({
        '429': 1,
      });
    } finally {
      sim.throttle.removeForced(forced.id);
    }
  });

  it('applies injected faults to steps too', async () => {
    sim.faults.add({ path: '/v1.0/applications', kind: 'server-error', status: 503, times: 1 });
    const raw = (await client()
      .api('/$batch')
      .post({ requests: [{ id: '1', method: 'GET', url: '/applications' }] })) as {
      responses: StepResponse[];
    };
    expect(raw.responses[0]).toMatchObject({ status: 503, body: { error: { code: 'serviceNotAvailable' } } });
    sim.faults.clear();
  });
});
