import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GoogleSimulator, startGoogleSimulator } from '../../sandbox/index.ts';
import { adminFor, jwtFor, reasonOf, rejectionOf, SCOPES } from './google-support.ts';

describe('Google simulator OAuth', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({ seed: 7, size: { users: 30, filesPerUser: 3 } });
  });
  afterAll(() => sim.close());

  it('mints a DWD token for an impersonated admin through the redirected JWT call', async () => {
    const jwt = jwtFor(sim, sim.adminEmail, [SCOPES.users]);
    const { token } = await jwt.getAccessToken();
    expect(token).toMatch(/^ya29\./);
    expect(sim.requests.count('POST', '/token')).toBeGreaterThanOrEqual(1);
    const res = await adminFor(sim, jwt).users.list({ customer: 'my_customer', maxResults: 1 });
    expect(res.data.users?.[0]?.primaryEmail).toBe(sim.adminEmail);
  });

  it('answers invalid_grant (400) for a suspended subject', async () => {
    const suspended = sim.tenant.users.find((u) => u.index > 0)!;
    sim.mutate.updateUser(suspended.primaryEmail, { suspended: true });
    const error = await rejectionOf(jwtFor(sim, suspended.primaryEmail, [SCOPES.driveMeta]).getAccessToken());
    expect(error.message).toContain('invalid_grant');
    expect(sim.requests.byEndpoint()['POST /token']?.byStatus['400']).toBeGreaterThanOrEqual(1);
  });

  it('answers invalid_grant for an unknown subject', async () => {
    const error = await rejectionOf(jwtFor(sim, `ghost@${sim.domain}`, [SCOPES.driveMeta]).getAccessToken());
    expect(error.message).toContain('invalid_grant');
  });

  it('answers unauthorized_client (401) for a scope outside the delegation', async () => {
    const before = sim.requests.byEndpoint()['POST /token']?.byStatus['401'] ?? 0;
    const error = await rejectionOf(
      jwtFor(sim, sim.adminEmail, ['https://www.googleapis.com/auth/drive']).getAccessToken(),
    );
    expect(error.message).toContain('unauthorized_client');
    expect(sim.requests.byEndpoint()['POST /token']?.byStatus['401']).toBe(before + 1);
  });

  it('rejects an assertion signed with another key', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwt = jwtFor(sim, sim.adminEmail, [SCOPES.users]);
    jwt.key = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const error = await rejectionOf(jwt.getAccessToken());
    expect(error.message).toContain('invalid_grant');
  });

  it('answers 401 in Google’s envelope for an unknown bearer token', async () => {
    const res = await fetch(`${sim.origin}/admin/directory/v1/users?customer=my_customer`, {
      headers: { authorization: 'Bearer ya29.nope' },
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as {
      error: { code: number; status: string; errors: Array<{ reason: string }> };
    };
    expect(body.error.code).toBe(401);
    expect(body.error.status).toBe('UNAUTHENTICATED');
    expect(body.error.errors[0]?.reason).toBe('authError');
  });

  it('refuses tokens.list without the security scope (403 insufficientPermissions)', async () => {
    const jwt = jwtFor(sim, sim.adminEmail, [SCOPES.users]);
    const error = await rejectionOf(adminFor(sim, jwt).tokens.list({ userKey: sim.adminEmail }));
    expect(error.status).toBe(403);
    expect(reasonOf(error)).toBe('insufficientPermissions');
  });

  it('runs the web-server flow: consent, code exchange with PKCE, refresh', async () => {
    const client = new OAuth2Client({
      clientId: sim.webClient.clientId,
      clientSecret: sim.webClient.clientSecret,
      redirectUri: 'http://127.0.0.1:9/callback',
      endpoints: { oauth2AuthBaseUrl: sim.authUrl, oauth2TokenUrl: sim.tokenUrl },
    });
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const url = client.generateAuthUrl({
      access_type: 'offline',
      scope: [SCOPES.users],
      state: 'xyz',
      code_challenge_method: 'S256' as never,
      code_challenge: codeChallenge,
    });
    const consent = await fetch(url, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const callback = new URL(consent.headers.get('location') ?? '');
    expect(callback.searchParams.get('state')).toBe('xyz');
    const code = callback.searchParams.get('code') ?? '';
    const { tokens } = await client.getToken({ code, codeVerifier });
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.scope).toBe(SCOPES.users);
    client.setCredentials({ refresh_token: tokens.refresh_token });
    const refreshed = await client.getAccessToken();
    expect(refreshed.token).toMatch(/^ya29\./);
    expect(refreshed.token).not.toBe(tokens.access_token);
    // A code is single use.
    await expect(client.getToken({ code, codeVerifier })).rejects.toThrow(/invalid_grant/);
  });
});
