/** API tokens: format, hash at rest, shown once, revocation, scopes and tenant binding. */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, isWellFormedToken } from '../../api/tokens/format.ts';
import { createApiToken, listTokens, revokeToken } from '../../api/tokens/issue.ts';
import { type ApiHarness, json, startApiHarness } from './harness.ts';

type ErrorBody = { error: { code: string; message: string } };

describe('API tokens', () => {
  let h: ApiHarness;
  let findingsUrl: string;
  beforeAll(async () => {
    h = await startApiHarness();
    findingsUrl = `/v1/tenants/${h.alpha.tenant.slug}/findings`;
  });
  afterAll(async () => h?.close());

  it('look like psc_ + 36 base62 characters whose last 6 are a checksum', () => {
    const { token, hash, displayPrefix } = generateToken();
    expect(token).toMatch(/^psc_[0-9A-Za-z]{36}$/);
    expect(isWellFormedToken(token)).toBe(true);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(displayPrefix).toBe(`${token.slice(0, 10)}…`);
    const flipped = token.slice(0, 8) + (token[8] === 'a' ? 'b' : 'a') + token.slice(9);
    expect(isWellFormedToken(flipped)).toBe(false);
    expect(generateToken().token).not.toBe(token);
  });

  it('are stored only as a hash and never listed', async () => {
    const created = await createApiToken(h.database.db, {
      tenant: h.alpha.tenant.slug,
      scopes: ['findings:read'],
    });
    const stored = await h.database.db.execute(sql`select * from api_tokens`);
    const dump = JSON.stringify((stored as unknown as { rows: unknown[] }).rows);
    expect(dump).not.toContain(created.token);
    expect(dump).not.toContain(created.token.slice(4, 34));
    expect(dump).toContain(createHash('sha256').update(created.token).digest('hex'));
    const listed = JSON.stringify(await listTokens(h.database.db));
    expect(listed).not.toContain(created.token.slice(4, 34));
    expect(listed).toContain(created.row.displayPrefix);
  });

  it('are refused once revoked', async () => {
    const created = await createApiToken(h.database.db, {
      tenant: h.alpha.tenant.slug,
      scopes: ['findings:read'],
    });
    expect((await h.call(created.token, { method: 'GET', url: findingsUrl })).statusCode).toBe(200);
    await revokeToken(h.database.db, created.row.id);
    const refused = await h.call(created.token, { method: 'GET', url: findingsUrl });
    expect(refused.statusCode).toBe(401);
    expect(json<ErrorBody>(refused).error).toMatchObject({
      code: 'unauthorized',
      message: 'unknown or revoked API token',
    });
  });

  it('are required, in the Bearer form, and must be real', async () => {
    const none = await h.call(null, { method: 'GET', url: findingsUrl });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const basic = await h.app.inject({
      method: 'GET',
      url: findingsUrl,
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(json<ErrorBody>(basic).error.message).toContain('Bearer');
    const made = await h.call('psc_notarealtoken', { method: 'GET', url: findingsUrl });
    expect(json<ErrorBody>(made).error.message).toContain('not a Periscope API token');
    const unknown = await h.call(generateToken().token, { method: 'GET', url: findingsUrl });
    expect(unknown.statusCode).toBe(401);
  });

  it('reach only what their scopes allow', async () => {
    const reader = await h.token({ tenant: h.alpha.tenant.slug, scopes: ['findings:read'] });
    const finding = h.alpha.findings[0]!;
    expect((await h.call(reader, { method: 'GET', url: findingsUrl })).statusCode).toBe(200);
    const mute = await h.call(reader, {
      method: 'PUT',
      url: `${findingsUrl}/${finding.id}/mute`,
      payload: { reason: 'x' },
    });
    expect(mute.statusCode).toBe(403);
    expect(json<ErrorBody>(mute).error).toMatchObject({
      code: 'forbidden',
      message: 'this token lacks the scope findings:write',
    });
    const policy = await h.call(reader, {
      method: 'PATCH',
      url: `/v1/tenants/${h.alpha.tenant.slug}/policy`,
      payload: { staleDays: 5 },
    });
    expect(policy.statusCode).toBe(403);
    const scan = await h.call(reader, {
      method: 'POST',
      url: `/v1/tenants/${h.alpha.tenant.slug}/scans`,
      payload: {},
    });
    expect(scan.statusCode).toBe(403);
    const del = await h.call(reader, {
      method: 'DELETE',
      url: `/v1/tenants/${h.alpha.tenant.slug}/connections/${h.alpha.connectionId}`,
    });
    expect(del.statusCode).toBe(403);

    const writer = await h.token({ tenant: h.alpha.tenant.slug, scopes: ['findings:write'] });
    expect((await h.call(writer, { method: 'GET', url: findingsUrl })).statusCode).toBe(403);
  });

  it('bound to a tenant reach no other tenant and no installation route', async () => {
    const other = await h.call(h.alpha.token, {
      method: 'GET',
      url: `/v1/tenants/${h.bravo.tenant.slug}/findings`,
    });
    expect(other.statusCode).toBe(404);
    expect(json<ErrorBody>(other).error.message).toBe(`no tenant "${h.bravo.tenant.slug}"`);
    // Another tenant answers exactly as a tenant that does not exist.
    const missing = await h.call(h.alpha.token, {
      method: 'GET',
      url: '/v1/tenants/no-such-tenant/findings',
    });
    expect(missing.statusCode).toBe(404);
    expect(json<ErrorBody>(missing).error.message).toBe('no tenant "no-such-tenant"');
    const tenants = await h.call(h.alpha.token, { method: 'GET', url: '/v1/tenants' });
    expect(tenants.statusCode).toBe(403);
    expect(json<ErrorBody>(tenants).error.message).toContain('installation token');
    await expect(
      createApiToken(h.database.db, { tenant: h.alpha.tenant.slug, scopes: ['tenants:admin'] }),
    ).rejects.toThrow(/installation tokens/);
    await expect(createApiToken(h.database.db, { scopes: ['findings:read', 'everything'] })).rejects.toThrow(
      /unknown scope "everything"/,
    );
    await expect(createApiToken(h.database.db, { scopes: [] })).rejects.toThrow(/at least one --scope/);
  });

  it('of the installation reach every tenant', async () => {
    for (const slug of [h.alpha.tenant.slug, h.bravo.tenant.slug]) {
      const response = await h.call(h.adminToken, { method: 'GET', url: `/v1/tenants/${slug}/findings` });
      expect(response.statusCode).toBe(200);
    }
  });
});
