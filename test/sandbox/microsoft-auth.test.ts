import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_GRAPH_ROLES,
  type MicrosoftSimulator,
  startMicrosoftSimulator,
} from '../../sandbox/index.ts';
import {
  claimsOf,
  GRAPH_SCOPE,
  graphFor,
  graphRejection,
  msalFor,
  tokenFor,
  trustSimulator,
} from './microsoft-support.ts';

async function tokenPost(sim: MicrosoftSimulator, tenant: string, form: Record<string, string>) {
  const res = await fetch(`${sim.origin}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('Microsoft simulator identity platform', () => {
  let sim: MicrosoftSimulator;
  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ seed: 1, size: { users: 20, itemsPerDrive: 4 } });
    trustSimulator(sim);
  });
  afterAll(() => sim.close());

  it('issues client-credential tokens through msal-node with a client secret, cached on the second call', async () => {
    const app = msalFor(sim);
    const first = await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    const second = await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    expect(first?.fromCache).toBe(false);
    expect(second?.fromCache).toBe(true);
    const claims = claimsOf(first?.accessToken ?? '');
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: sim.tenantId,
      appid: sim.scanner.clientId,
      appidacr: '1',
      idtyp: 'app',
    });
    expect(claims.roles).toEqual([...DEFAULT_GRAPH_ROLES].sort());
    expect(sim.requests.count('GET', '/{tenant}/v2.0/.well-known/openid-configuration')).toBeGreaterThan(0);
    expect(sim.requests.count('POST', '/{tenant}/oauth2/v2.0/token')).toBe(1);
  });

  it('accepts a certificate client assertion (PS256 with the SHA-256 thumbprint, RS256 with SHA-1)', async () => {
    const token = await tokenFor(sim, 'certificate');
    expect(claimsOf(token).appidacr).toBe('2');
    const { certificate } = sim.scanner;
    const legacy = msalFor(sim, 'certificate', {
      clientCertificate: { thumbprint: certificate.thumbprint, privateKey: certificate.privateKeyPem },
    });
    const result = await legacy.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    expect(claimsOf(result?.accessToken ?? '').appidacr).toBe('2');
  });

  it('signs tokens with the key its JWKS publishes, named by the OpenID configuration', async () => {
    const config = (await (
      await fetch(`${sim.origin}/${sim.tenantId}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(config.token_endpoint).toBe(`${sim.origin}/${sim.tenantId}/oauth2/v2.0/token`);
    expect(config.issuer).toBe(`${sim.origin}/${sim.tenantId}/v2.0`);
    const jwks = (await (await fetch(config.jwks_uri as string)).json()) as {
      keys: Array<Record<string, string>>;
    };
    const token = await tokenFor(sim);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const kid = (JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string }).kid;
    const jwk = jwks.keys.find((k) => k.kid === kid);
    const key = createPublicKey({ key: jwk as never, format: 'jwk' });
    expect(
      verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    const v1 = (await (
      await fetch(`${sim.origin}/${sim.tenantId}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(v1.issuer).toBe(`https://sts.windows.net/${sim.tenantId}/`);
    // A verified domain names the tenant as well as its id.
    const byDomain = await fetch(`${sim.origin}/${sim.domain}/v2.0/.well-known/openid-configuration`);
    expect(byDomain.status).toBe(200);
  });

  it('answers Entra errors: wrong secret, unknown tenant, unknown app, bad scope, no credential', async () => {
    const base = { grant_type: 'client_credentials', client_id: sim.scanner.clientId, scope: GRAPH_SCOPE };
    const wrong = await tokenPost(sim, sim.tenantId, { ...base, client_secret: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(String(wrong.body.error_description)).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect(wrong.body.trace_id).toBeTruthy();

    const tenant = await tokenPost(sim, 'nope.onmicrosoft.com', {
      ...base,
      client_secret: sim.scanner.clientSecret,
    });
    expect(tenant.status).toBe(400);
    expect(tenant.body).toMatchObject({ error: 'invalid_request', error_codes: [90002] });

    const app = await tokenPost(sim, sim.tenantId, {
      ...base,
      client_id: '11111111-2222-3333-4444-555555555555',
      client_secret: 'x',
    });
    expect(app.body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });

    const scope = await tokenPost(sim, sim.tenantId, {
      ...base,
      scope: 'User.Read',
      client_secret: sim.scanner.clientSecret,
    });
    expect(scope.body).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });

    const resource = await tokenPost(sim, sim.tenantId, {
      ...base,
      scope: 'https://unknown.example/.default',
      client_secret: sim.scanner.clientSecret,
    });
    expect(resource.body).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });

    const none = await tokenPost(sim, sim.tenantId, base);
    expect(none.body).toMatchObject({ error: 'invalid_client', error_codes: [7000216] });
  });

  it('makes msal-node fail with the server error for a wrong secret and an unknown tenant', async () => {
    const wrong = msalFor(sim, 'secret', { clientSecret: 'wrong' });
    await expect(wrong.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] })).rejects.toMatchObject({
      errorCode: 'invalid_client',
      errorMessage: expect.stringContaining('AADSTS7000215'),
    });
    const lost = msalFor(sim, 'secret', { authority: `${sim.origin}/00000000-0000-0000-0000-000000000000` });
    await expect(lost.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] })).rejects.toThrow();
  });

  it('reports an expired client secret (AADSTS7000222)', async () => {
    sim.auth.secretExpired = true;
    try {
      const expired = await tokenPost(sim, sim.tenantId, {
        grant_type: 'client_credentials',
        client_id: sim.scanner.clientId,
        client_secret: sim.scanner.clientSecret,
        scope: GRAPH_SCOPE,
      });
      expect(expired.body).toMatchObject({ error: 'invalid_client', error_codes: [7000222] });
    } finally {
      sim.auth.secretExpired = false;
    }
  });

  it('answers 401 InvalidAuthenticationToken without a token, with an expired one, and for another audience', async () => {
    const anonymous = await fetch(`${sim.origin}/v1.0/organization`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Access token is empty.',
        innerError: { 'request-id': expect.any(String) },
      },
    });

    const token = await tokenFor(sim);
    const client = graphFor(sim, token);
    expect((await client.api('/organization').get()).value[0].id).toBe(sim.tenantId);
    sim.expireAccessTokens();
    const expired = await graphRejection(client.api('/organization').get());
    expect(expired.statusCode).toBe(401);
    expect(expired.code).toBe('InvalidAuthenticationToken');

    const sharepoint = await tokenFor(
      sim,
      'certificate',
      `https://${sim.tenant.sharepointPrefix}-admin.sharepoint.com/.default`,
    );
    const wrongAudience = await graphRejection(graphFor(sim, sharepoint).api('/organization').get());
    expect(wrongAudience.statusCode).toBe(401);
  });
});

describe('Microsoft simulator permissions and admin consent', () => {
  let sim: MicrosoftSimulator;
  beforeAll(async () => {
    sim = await startMicrosoftSimulator({
      seed: 2,
      size: { users: 10, itemsPerDrive: 2 },
      roles: { graph: ['User.Read.All'], sharepoint: [] },
      consented: false,
    });
    trustSimulator(sim);
  });
  afterAll(() => sim.close());

  it('refuses tokens until an admin consents, then grants the configured permissions', async () => {
    const before = msalFor(sim);
    await expect(before.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] })).rejects.toMatchObject({
      errorCode: 'unauthorized_client',
      errorMessage: expect.stringContaining('AADSTS700016'),
    });

    const redirect = 'https://periscope.example/oauth/microsoft/callback';
    const v1 = await fetch(
      `${sim.origin}/common/adminconsent?client_id=${sim.scanner.clientId}&redirect_uri=${encodeURIComponent(redirect)}&state=s1`,
      { redirect: 'manual' },
    );
    expect(v1.status).toBe(302);
    const back = new URL(v1.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(redirect);
    expect(Object.fromEntries(back.searchParams)).toEqual({
      admin_consent: 'True',
      tenant: sim.tenantId,
      state: 's1',
    });

    const token = await tokenFor(sim);
    expect(claimsOf(token).roles).toEqual(['User.Read.All']);
    const scanner = sim.tenant.servicePrincipals.find((s) => s.appId === sim.scanner.clientId);
    expect(scanner?.verifiedPublisher.verifiedPublisherId).toBeTruthy();
  });

  it('checks each call against the token roles and follows role changes in new tokens', async () => {
    const client = graphFor(sim, await tokenFor(sim));
    expect((await client.api('/users').top(1).get()).value).toHaveLength(1);
    const denied = await graphRejection(client.api('/applications').get());
    expect(denied.statusCode).toBe(403);
    expect(denied.code).toBe('Authorization_RequestDenied');
    expect(denied.message).toBe('Insufficient privileges to complete the operation.');
    const files = await graphRejection(client.api('/sites/getAllSites').get());
    expect(files.statusCode).toBe(403);
    expect(files.code).toBe('accessDenied');

    sim.mutate.setScannerRoles({ graph: ['User.Read.All', 'Application.Read.All'] });
    // The token already issued keeps its roles; a new one carries the change.
    expect((await graphRejection(client.api('/applications').get())).statusCode).toBe(403);
    const fresh = await msalFor(sim).acquireTokenByClientCredential({
      scopes: [GRAPH_SCOPE],
      skipCache: true,
    });
    const apps = await graphFor(sim, fresh?.accessToken ?? '')
      .api('/applications')
      .get();
    expect(apps.value.length).toBeGreaterThan(0);
  });

  it('redirects v2 consent with the scope, and reports a refusal and a missing scope', async () => {
    const redirect = 'https://periscope.example/cb';
    const url = (extra: string) =>
      `${sim.origin}/organizations/v2.0/adminconsent?client_id=${sim.scanner.clientId}&redirect_uri=${encodeURIComponent(redirect)}&state=xyz${extra}`;
    const ok = new URL(
      (await fetch(url(`&scope=${encodeURIComponent(GRAPH_SCOPE)}`), { redirect: 'manual' })).headers.get(
        'location',
      ) ?? '',
    );
    expect(ok.searchParams.get('admin_consent')).toBe('True');
    expect(ok.searchParams.get('scope')).toBe(GRAPH_SCOPE);

    const noScope = new URL((await fetch(url(''), { redirect: 'manual' })).headers.get('location') ?? '');
    expect(noScope.searchParams.get('error')).toBe('invalid_request');

    sim.auth.consentDecision = 'deny';
    const denied = new URL(
      (await fetch(url(`&scope=${encodeURIComponent(GRAPH_SCOPE)}`), { redirect: 'manual' })).headers.get(
        'location',
      ) ?? '',
    );
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('xyz');

    const unknown = await fetch(
      `${sim.origin}/common/adminconsent?client_id=nobody&redirect_uri=${encodeURIComponent(redirect)}`,
      {
        redirect: 'manual',
      },
    );
    expect(unknown.status).toBe(400);
  });
});
