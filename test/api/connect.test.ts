/**
 * The OAuth connect flows through inject(): each provider's flow against its simulator ending
 * with a connection that scans, and every way a callback can be abused — replayed, expired,
 * forged, cross-tenant and wrong-provider states, a revoked starter token, a spoofed or foreign
 * GitHub installation_id, a refused consent — each rejected with a catalog code. Also: the GET
 * start routes (a 302 to the vendor), and pending flows kept in the database across processes.
 */
import { createHash } from 'node:crypto';
import https from 'node:https';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashNonce, pendingFlows } from '../../api/oauth/pending.ts';
import { createConnectService } from '../../api/oauth/service.ts';
import { type StatePayload, signState } from '../../api/oauth/state.ts';
import { createApiToken } from '../../api/tokens/issue.ts';
import { listConnections } from '../../db/connections.ts';
import { oauthFlows } from '../../db/schema.ts';
import { createTenant } from '../../db/tenants.ts';
import { listApiTokens, revokeApiToken } from '../../db/tokens.ts';
import { SecretBox } from '../../runtime/secrets.ts';
import { type ConnectEnv, scanSucceeds, startConnectEnv, stateKey } from '../e2e/connect-env.ts';
import { testKey } from '../support/github-harness.ts';

let env: ConnectEnv;

beforeAll(async () => {
  env = await startConnectEnv();
});
afterAll(async () => env?.close());

const errorOf = (r: LightMyRequestResponse) =>
  (r.json() as { error: { code: string; message: string; details: Record<string, unknown> } }).error;

async function start(
  provider: 'google' | 'microsoft' | 'github',
  body: Record<string, unknown>,
  options: { token?: string; tenant?: string } = {},
) {
  const response = await env.app.inject({
    method: 'POST',
    url: `/v1/tenants/${options.tenant ?? env.h.alpha.tenant.slug}/connect/${provider}`,
    headers: { authorization: `Bearer ${options.token ?? env.h.alpha.token}` },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  const url = new URL(response.json<{ authorizationUrl: string }>().authorizationUrl);
  return { url, state: url.searchParams.get('state') ?? '' };
}

const callback = (provider: string, query: Record<string, string>) =>
  env.app.inject({ method: 'GET', url: `/v1/connect/${provider}/callback`, query });

function payloadOf(state: string): StatePayload {
  return JSON.parse(Buffer.from(state.split('.')[0]!, 'base64url').toString('utf8')) as StatePayload;
}

/** A GET to the HTTPS simulator trusting its CA, without following the redirect. */
function getOverTls(url: URL, ca: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      })
      .on('error', reject);
  });
}

describe('starting a flow', () => {
  it('builds each vendor URL with the parameters the flow needs', async () => {
    const google = await start('google', { adminEmail: env.google.adminEmail });
    expect(`${google.url.origin}${google.url.pathname}`).toBe(env.google.authUrl);
    const q = Object.fromEntries(google.url.searchParams);
    expect(q).toMatchObject({
      client_id: env.google.webClient.clientId,
      redirect_uri: 'http://periscope.test/v1/connect/google/callback',
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
      login_hint: env.google.adminEmail,
    });
    expect(q.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.scope?.split(' ')).toContain('https://www.googleapis.com/auth/admin.directory.user.readonly');
    expect(q.scope).not.toContain('drive');
    expect(JSON.stringify(q)).not.toContain(env.google.webClient.clientSecret);

    const ms = await start('microsoft', {});
    expect(ms.url.pathname).toBe('/common/adminconsent');
    expect(ms.url.searchParams.get('client_id')).toBe(env.microsoft.scanner.clientId);
    expect(ms.url.searchParams.get('redirect_uri')).toBe(
      'http://periscope.test/v1/connect/microsoft/callback',
    );

    const gh = await start('github', { org: 'acme' });
    expect(gh.url.pathname).toBe(`/apps/${env.h.alpha.harness.sim.app.slug}/installations/new`);
    expect(payloadOf(gh.state)).toMatchObject({ t: env.h.alpha.tenant.id, p: 'github' });
  });

  it('needs connections:write, the tenant the token reaches, and a configured provider', async () => {
    const reader = await env.h.token({ tenant: env.h.alpha.tenant.slug, scopes: ['findings:read'] });
    const denied = await env.app.inject({
      method: 'POST',
      url: `/v1/tenants/${env.h.alpha.tenant.slug}/connect/github`,
      headers: { authorization: `Bearer ${reader}` },
      payload: { org: 'acme' },
    });
    expect(denied.statusCode).toBe(403);
    const other = await env.app.inject({
      method: 'POST',
      url: `/v1/tenants/${env.h.alpha.tenant.slug}/connect/github`,
      headers: { authorization: `Bearer ${env.h.bravo.token}` },
      payload: { org: 'acme' },
    });
    expect(other.statusCode).toBe(404);
    // The harness app has no connect configuration.
    const unconfigured = await env.h.call(env.h.alpha.token, {
      method: 'POST',
      url: `/v1/tenants/${env.h.alpha.tenant.slug}/connect/google`,
      payload: { adminEmail: 'a@b.example' },
    });
    expect(unconfigured.statusCode).toBe(400);
    expect(errorOf(unconfigured).message).toContain('PERISCOPE_CONNECT_CONFIG');
  });
});

describe('state checks', () => {
  it('rejects a replayed state: a flow completes once', async () => {
    const { state } = await start('github', { org: 'acme' });
    const installationId = String(env.h.alpha.harness.sim.app.installationId);
    const first = await callback('github', {
      state,
      installation_id: installationId,
      setup_action: 'install',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await callback('github', {
      state,
      installation_id: installationId,
      setup_action: 'install',
    });
    expect(again.statusCode).toBe(400);
    expect(errorOf(again)).toMatchObject({ code: 'invalid_request', details: { reason: 'state_replayed' } });
  });

  it('rejects an expired state', async () => {
    const { state } = await start('github', { org: 'acme' });
    const expired = signState(stateKey, { ...payloadOf(state), e: Date.now() - 1 });
    const response = await callback('github', {
      state: expired,
      installation_id: String(env.h.alpha.harness.sim.app.installationId),
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({
      code: 'invalid_request',
      details: { reason: 'state_expired' },
    });
  });

  it('rejects forged states: edited, signed with another key, or made up', async () => {
    const { state } = await start('github', { org: 'acme' });
    const [, signature] = state.split('.');
    const edited = `${Buffer.from(JSON.stringify({ ...payloadOf(state), t: env.h.bravo.tenant.id })).toString('base64url')}.${signature}`;
    const otherKey = signState(Buffer.alloc(32, 1), payloadOf(state));
    for (const forged of [edited, otherKey, 'x', `${state}.x`, `${state.slice(0, -2)}AA`]) {
      const response = await callback('github', { state: forged, installation_id: '1' });
      expect(response.statusCode, forged).toBe(400);
      expect(errorOf(response)).toMatchObject({
        code: 'invalid_request',
        details: { reason: 'state_forged' },
      });
    }
    // The genuine one still works afterwards: forgeries do not burn it.
    const ok = await callback('github', {
      state,
      installation_id: String(env.h.alpha.harness.sim.app.installationId),
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('rejects a cross-tenant state, even one signed with the server key', async () => {
    // Bravo starts a flow; a state naming alpha with bravo's flow (as if the key had leaked).
    const { state } = await start(
      'github',
      { org: 'acme' },
      {
        token: env.h.bravo.token,
        tenant: env.h.bravo.tenant.slug,
      },
    );
    const crossed = signState(stateKey, { ...payloadOf(state), t: env.h.alpha.tenant.id });
    const response = await callback('github', {
      state: crossed,
      installation_id: String(env.h.alpha.harness.sim.app.installationId),
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response)).toMatchObject({ code: 'forbidden', details: { reason: 'state_mismatch' } });
    expect(
      (await listConnections(env.h.database.db, env.h.alpha.tenant.id)).map((c) => c.name),
    ).not.toContain('bravo-only');
  });

  it('rejects a state used on another provider’s callback', async () => {
    const { state } = await start('google', { adminEmail: env.google.adminEmail });
    const response = await callback('github', { state, installation_id: '1' });
    expect(errorOf(response)).toMatchObject({
      code: 'invalid_request',
      details: { reason: 'state_wrong_provider' },
    });
  });

  it('rejects the callback when the token that started the flow was revoked', async () => {
    const token = await env.h.token({ tenant: env.h.alpha.tenant.slug, scopes: ['connections:write'] });
    const { state } = await start('github', { org: 'acme' }, { token });
    const row = (await listApiTokens(env.h.database.db, { tenantId: env.h.alpha.tenant.id }))[0]!;
    await revokeApiToken(env.h.database.db, row.id);
    const response = await callback('github', {
      state,
      installation_id: String(env.h.alpha.harness.sim.app.installationId),
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response)).toMatchObject({ code: 'forbidden', details: { reason: 'token_revoked' } });
  });

  it('answers a callback without a state with validation_failed naming it', async () => {
    const response = await callback('google', { code: 'x' });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe('validation_failed');
    expect(errorOf(response).message).toContain('state');
  });
});

describe('GitHub installation_id', () => {
  it('rejects a spoofed installation_id: unknown, or another App’s installation on the org', async () => {
    const sim = env.h.alpha.harness.sim;
    const otherApp = sim.tenant.installations.find((i) => i.id !== sim.app.installationId);
    expect(otherApp).toBeDefined();
    for (const spoofed of ['99999999', String(otherApp!.id)]) {
      const { state } = await start('github', { org: 'acme' });
      const response = await callback('github', { state, installation_id: spoofed, setup_action: 'install' });
      expect(response.statusCode, response.body).toBe(403);
      expect(errorOf(response)).toMatchObject({ code: 'forbidden', details: { field: 'installation_id' } });
    }
  });

  it('rejects the App’s installation on another org than the flow’s', async () => {
    const { state } = await start('github', { org: 'globex' });
    const response = await callback('github', {
      state,
      installation_id: String(env.h.alpha.harness.sim.app.installationId),
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).message).toContain('belongs to acme, not to globex');
  });

  it('connects the org once verified, and the connection scans', async () => {
    const { state } = await start('github', { org: 'acme' });
    const response = await callback('github', {
      state,
      installation_id: String(env.h.alpha.harness.sim.app.installationId),
      setup_action: 'install',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { connection } = response.json<{ connection: { id: string; name: string } }>();
    expect(connection.name).toBe('github:acme');
    await scanSucceeds(env, connection.id);
  });
});

describe('Google and Microsoft through inject()', () => {
  it('Google: code and PKCE verifier exchanged for a refresh token; the connection scans', async () => {
    const { url } = await start('google', { adminEmail: env.google.adminEmail });
    // Not a browser: the simulator consents at once and redirects.
    const consent = await fetch(url, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location') ?? '');
    expect(back.pathname).toBe('/v1/connect/google/callback');
    const response = await callback('google', Object.fromEntries(back.searchParams));
    expect(response.statusCode, response.body).toBe(201);
    const { connection } = response.json<{ connection: { id: string; name: string } }>();
    expect(connection.name).toBe(`google-workspace:${env.google.domain}`);
    expect(env.google.auth.refreshTokens.size).toBeGreaterThan(0);
    const logs = env.h.logs.join('');
    for (const secret of [env.google.webClient.clientSecret, ...env.google.auth.refreshTokens.keys()])
      expect(logs + response.body).not.toContain(secret);
    // The callback is logged without its query: the one-time code and the state stay out.
    expect(logs).toContain('"url":"/v1/connect/google/callback"');
    expect(logs).not.toContain(back.searchParams.get('code'));
    expect(logs).not.toContain(back.searchParams.get('state'));
    await scanSucceeds(env, connection.id);
  });

  it('Google: a code exchanged without the flow’s verifier is refused by Google', async () => {
    const first = await start('google', { adminEmail: env.google.adminEmail });
    const second = await start('google', { adminEmail: env.google.adminEmail });
    // The code of flow 1 arrives with the state of flow 2: the verifier does not match.
    const code = new URL(
      (await fetch(first.url, { redirect: 'manual' })).headers.get('location') ?? '',
    ).searchParams.get('code')!;
    const response = await callback('google', { state: second.state, code });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).code).toBe('vendor_auth_failed');
  });

  it('Google: a refused consent is reported and creates nothing', async () => {
    const { state } = await start('google', { adminEmail: env.google.adminEmail });
    const response = await callback('google', { state, error: 'access_denied' });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response)).toMatchObject({ code: 'vendor_permission_denied' });
  });

  it('Microsoft: the tenant is recorded only once a token for it is issued; the connection scans', async () => {
    // A forged return (no consent was given: the app has no service principal there yet).
    const early = await start('microsoft', {});
    const forged = await callback('microsoft', {
      state: early.state,
      tenant: env.microsoft.tenantId,
      admin_consent: 'True',
    });
    expect(forged.statusCode, forged.body).toBe(422);
    expect(errorOf(forged).code).toBe('vendor_auth_failed');
    expect(
      (await listConnections(env.h.database.db, env.h.alpha.tenant.id)).map((c) => c.name),
    ).not.toContain(`microsoft-365:${env.microsoft.tenantId}`);

    const { url } = await start('microsoft', {});
    const consent = await getOverTls(url, env.microsoft.caPem);
    expect(consent.status).toBe(302);
    const back = new URL(consent.location ?? '');
    const response = await callback('microsoft', Object.fromEntries(back.searchParams));
    expect(response.statusCode, response.body).toBe(201);
    const { connection } = response.json<{ connection: { id: string; name: string } }>();
    expect(connection.name).toBe(`microsoft-365:${env.microsoft.tenantId}`);
    expect(env.h.logs.join('') + response.body).not.toContain(env.microsoft.scanner.clientSecret);
    await scanSucceeds(env, connection.id);
  });
});

describe('GET start: a redirect a browser can follow', () => {
  const get = (provider: string, query: Record<string, string>, token = env.h.alpha.token) =>
    env.app.inject({
      method: 'GET',
      url: `/v1/tenants/${env.h.alpha.tenant.slug}/connect/${provider}`,
      headers: { authorization: `Bearer ${token}` },
      query,
    });

  it('answers 302 to each vendor’s page, not cacheable, with a state the callback accepts', async () => {
    const google = await get('google', { adminEmail: env.google.adminEmail });
    expect(google.statusCode, google.body).toBe(302);
    expect(google.headers['cache-control']).toBe('no-store');
    const googleUrl = new URL(String(google.headers.location));
    expect(`${googleUrl.origin}${googleUrl.pathname}`).toBe(env.google.authUrl);
    expect(googleUrl.searchParams.get('login_hint')).toBe(env.google.adminEmail);
    expect(googleUrl.searchParams.get('code_challenge_method')).toBe('S256');

    const ms = await get('microsoft', {});
    expect(ms.statusCode, ms.body).toBe(302);
    expect(ms.headers['cache-control']).toBe('no-store');
    expect(new URL(String(ms.headers.location)).pathname).toBe('/common/adminconsent');

    const gh = await get('github', { org: 'acme' });
    expect(gh.statusCode, gh.body).toBe(302);
    expect(gh.headers['cache-control']).toBe('no-store');
    const ghUrl = new URL(String(gh.headers.location));
    expect(ghUrl.pathname).toBe(`/apps/${env.h.alpha.harness.sim.app.slug}/installations/new`);
    const done = await callback('github', {
      state: ghUrl.searchParams.get('state') ?? '',
      installation_id: String(env.h.alpha.harness.sim.app.installationId),
    });
    expect(done.statusCode, done.body).toBe(201);
  });

  it('refuses a missing field by name, a token without connections:write, and another tenant', async () => {
    const missing = await get('google', {});
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing)).toMatchObject({ code: 'validation_failed' });
    expect(errorOf(missing).message).toContain('adminEmail');
    const badOrg = await get('github', { org: '-not/an org' });
    expect(badOrg.statusCode).toBe(400);
    expect(errorOf(badOrg).message).toContain('org');

    const reader = await env.h.token({ tenant: env.h.alpha.tenant.slug, scopes: ['findings:read'] });
    expect((await get('github', { org: 'acme' }, reader)).statusCode).toBe(403);
    const other = await get('github', { org: 'acme' }, env.h.bravo.token);
    expect(other.statusCode).toBe(404);
    expect(other.headers.location).toBeUndefined();
  });
});

describe('pending flows in the database', () => {
  it('completes a flow started on one API process on another; the replay fails on either', async () => {
    // A second process: its own connect service (same configuration and keys), same database.
    const other = await env.h.buildApp({
      deps: {
        ...env.deps,
        connect: createConnectService({
          settings: env.connect.settings,
          box: new SecretBox(testKey),
          secret: stateKey,
        }),
      },
    });
    const { url } = await start('google', { adminEmail: env.google.adminEmail });
    const consent = await fetch(url, { redirect: 'manual' });
    const back = Object.fromEntries(new URL(consent.headers.get('location') ?? '').searchParams);
    const done = await other.inject({ method: 'GET', url: '/v1/connect/google/callback', query: back });
    // The PKCE verifier came out of the database: Google accepted the exchange.
    expect(done.statusCode, done.body).toBe(201);
    for (const app of [env.app, other]) {
      const again = await app.inject({ method: 'GET', url: '/v1/connect/google/callback', query: back });
      expect(again.statusCode).toBe(400);
      expect(errorOf(again).details).toMatchObject({ reason: 'state_replayed' });
    }
  });

  it('stores a hash of the nonce and a sealed verifier, never the values the browser carries', async () => {
    const { url, state } = await start('google', { adminEmail: env.google.adminEmail });
    const nonce = payloadOf(state).n;
    const [row] = await env.h.database.db
      .select()
      .from(oauthFlows)
      .where(eq(oauthFlows.nonceHash, hashNonce(nonce)));
    expect(row).toMatchObject({
      tenantId: env.h.alpha.tenant.id,
      provider: 'google',
      account: env.google.adminEmail,
    });
    expect(JSON.stringify(row)).not.toContain(nonce);
    const verifier = new SecretBox(testKey).open<string>(row!.codeVerifierSealed!);
    expect(JSON.stringify(row)).not.toContain(verifier);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    expect(url.searchParams.get('code_challenge')).toBe(challenge);
  });

  it('caps the flows a tenant may have waiting, and drops expired ones', async () => {
    const db = env.h.database.db;
    const flows = pendingFlows(db, new SecretBox(testKey), { maxPerTenant: 2 });
    /** A fresh tenant with a token, so earlier tests' flows do not count. */
    const freshTenant = async (slug: string) => {
      const tenant = await createTenant(db, slug);
      const { row } = await createApiToken(db, { tenant: slug, scopes: ['connections:write'] });
      return { tenantId: tenant.id, provider: 'github' as const, tokenId: row.id, account: 'acme' };
    };
    const flow = await freshTenant('charlie-p3q');
    const waiting = () => db.select().from(oauthFlows).where(eq(oauthFlows.tenantId, flow.tenantId));
    const inAMinute = () => Date.now() + 60_000;

    const expired = await flows.add({ ...flow, expiresAt: Date.now() - 1000 });
    expect(await flows.take(expired)).toBeUndefined();
    const first = await flows.add({ ...flow, expiresAt: inAMinute() });
    // The expired flow was swept by the next start, so it does not count against the cap.
    expect(await waiting()).toHaveLength(1);
    await flows.add({ ...flow, expiresAt: inAMinute() });
    const refused = await flows.add({ ...flow, expiresAt: inAMinute() }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'rate_limited', details: { limit: 2 } });
    // Another tenant is not held back by this one's flows.
    const other = await freshTenant('delta-w8n');
    const otherNonce = await flows.add({ ...other, expiresAt: inAMinute() });
    expect(await flows.take(otherNonce)).toMatchObject({ tenantId: other.tenantId });
    // Taking one frees a place; a taken flow is gone for good.
    expect(await flows.take(first)).toMatchObject({ tenantId: flow.tenantId, account: 'acme' });
    expect(await flows.take(first)).toBeUndefined();
    await flows.add({ ...flow, expiresAt: inAMinute() });
    expect(await waiting()).toHaveLength(2);
  });
});
