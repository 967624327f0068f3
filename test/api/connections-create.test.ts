/** POST connections: verified against the sandbox simulators, stored encrypted, secrets never returned. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConnections, openCredentials } from '../../db/connections.ts';
import {
  type GoogleSimulator,
  type MicrosoftSimulator,
  type OpenAISimulator,
  startGoogleSimulator,
  startMicrosoftSimulator,
  startOpenAISimulator,
} from '../../sandbox/index.ts';
import { type ApiHarness, json, startApiHarness } from './harness.ts';

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

describe('POST /v1/tenants/:tenant/connections', () => {
  let h: ApiHarness;
  let openai: OpenAISimulator;
  let google: GoogleSimulator;
  let microsoft: MicrosoftSimulator;
  let t: string;
  beforeAll(async () => {
    h = await startApiHarness();
    openai = await startOpenAISimulator({ seed: 3 });
    google = await startGoogleSimulator({ seed: 3 });
    microsoft = await startMicrosoftSimulator({ seed: 3 });
    t = `/v1/tenants/${h.alpha.tenant.slug}`;
  });
  afterAll(async () => {
    await openai?.close();
    await google?.close();
    await microsoft?.close();
    await h?.close();
  });

  it('verifies an OpenAI admin key, stores it encrypted and never returns it', async () => {
    const response = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/connections`,
      payload: {
        provider: 'openai',
        name: 'openai-prod',
        baseUrl: openai.baseURL,
        secrets: { adminKey: openai.adminKey },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.body).not.toContain(openai.adminKey);
    const created = json<{ id: string; provider: string; name: string; lastScan: null }>(response);
    expect(created).toMatchObject({ provider: 'openai', name: 'openai-prod', lastScan: null });
    const stored = (await listConnections(h.database.db, h.alpha.tenant.id)).find((c) => c.id === created.id);
    expect(stored).toBeDefined();
    const box = h.alpha.harness.deps.box;
    expect(await openCredentials(h.database.db, box, h.alpha.tenant.id, created.id)).toMatchObject({
      adminKey: openai.adminKey,
    });
    const again = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/connections`,
      payload: {
        provider: 'openai',
        name: 'openai-prod',
        baseUrl: openai.baseURL,
        secrets: { adminKey: openai.adminKey },
      },
    });
    expect(again.statusCode).toBe(409);
    expect(h.logs.join('')).not.toContain(openai.adminKey);
  });

  it('passes on the vendor’s refusal as a 422 without the secret', async () => {
    const wrongKey = 'sk-admin-NotTheRightKey0123456789';
    const response = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/connections`,
      payload: {
        provider: 'openai',
        name: 'openai-wrong',
        baseUrl: openai.baseURL,
        secrets: { adminKey: wrongKey },
      },
    });
    expect(response.statusCode, response.body).toBe(422);
    const body = json<ErrorBody>(response);
    expect(body.error.code).toBe('vendor_auth_failed');
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(response.body).not.toContain(wrongKey);
    expect(h.logs.join('')).not.toContain(wrongKey);
    expect((await listConnections(h.database.db, h.alpha.tenant.id)).map((c) => c.name)).not.toContain(
      'openai-wrong',
    );
  });

  it('takes a Google service-account key file as uploaded JSON', async () => {
    const response = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/connections`,
      payload: {
        provider: 'google-workspace',
        baseUrl: google.origin,
        config: { customerId: google.customerId, adminEmail: google.adminEmail, tokenUrl: google.tokenUrl },
        secrets: { serviceAccountKey: google.serviceAccount },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(json(response)).toMatchObject({ provider: 'google-workspace', name: 'google-workspace' });
    const privateKey = (google.serviceAccount as { private_key: string }).private_key;
    expect(response.body).not.toContain(privateKey.split('\n')[1]);
  });

  it('verifies Microsoft 365 client credentials against Entra and Graph, and refuses a wrong secret', async () => {
    const connect = (clientSecret: string, name: string) =>
      h.call(h.alpha.token, {
        method: 'POST',
        url: `${t}/connections`,
        payload: {
          provider: 'microsoft-365',
          name,
          baseUrl: microsoft.graphBaseUrl,
          config: {
            tenantId: microsoft.tenantId,
            authority: new URL(microsoft.authority).origin,
            caCertificate: microsoft.caPem,
          },
          secrets: { clientId: microsoft.scanner.clientId, clientSecret },
        },
      });
    const wrongSecret = 'not-the-secret~0123456789abcdef';
    const refused = await connect(wrongSecret, 'm365-wrong');
    expect(refused.statusCode, refused.body).toBe(422);
    expect(json<ErrorBody>(refused).error.code).toBe('vendor_auth_failed');
    expect(refused.body).not.toContain(wrongSecret);

    const response = await connect(microsoft.scanner.clientSecret, 'm365');
    expect(response.statusCode, response.body).toBe(201);
    const created = json<{ id: string }>(response);
    expect(json(response)).toMatchObject({ provider: 'microsoft-365', name: 'm365', lastScan: null });
    expect(response.body).not.toContain(microsoft.scanner.clientSecret);
    expect(h.logs.join('')).not.toContain(microsoft.scanner.clientSecret);
    const box = h.alpha.harness.deps.box;
    expect(await openCredentials(h.database.db, box, h.alpha.tenant.id, created.id)).toMatchObject({
      clientId: microsoft.scanner.clientId,
      clientSecret: microsoft.scanner.clientSecret,
    });
    expect((await listConnections(h.database.db, h.alpha.tenant.id)).map((c) => c.name)).not.toContain(
      'm365-wrong',
    );
  });

  it('refuses bad input by field, and needs connections:write', async () => {
    const missing = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/connections`,
      payload: { provider: 'openai', secrets: {} },
    });
    expect(missing.statusCode).toBe(400);
    expect(json<ErrorBody>(missing).error.message).toContain('adminKey');
    const unknown = await h.call(h.alpha.token, {
      method: 'POST',
      url: `${t}/connections`,
      payload: { provider: 'dropbox', secrets: {} },
    });
    expect(json<ErrorBody>(unknown).error.code).toBe('validation_failed');
    const reader = await h.token({ tenant: h.alpha.tenant.slug, scopes: ['findings:read'] });
    const denied = await h.call(reader, {
      method: 'POST',
      url: `${t}/connections`,
      payload: { provider: 'openai', baseUrl: openai.baseURL, secrets: { adminKey: openai.adminKey } },
    });
    expect(denied.statusCode).toBe(403);
  });
});
