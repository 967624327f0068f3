import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GoogleSimulator, NEVER_LOGGED_IN, startGoogleSimulator } from '../../sandbox/index.ts';
import { adminFor, jwtFor, reasonOf, rejectionOf, SCOPES } from './google-support.ts';

describe('Google simulator Directory API', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({ seed: 11, size: { users: 1203, filesPerUser: 0, tokensPerUser: 2 } });
  });
  afterAll(() => sim.close());

  const directory = () => adminFor(sim, jwtFor(sim, sim.adminEmail, [SCOPES.users, SCOPES.security]));

  it('pages users.list across maxResults=500 with nextPageToken', async () => {
    const api = directory();
    const emails: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const res = await api.users.list({ customer: 'my_customer', maxResults: 500, pageToken });
      emails.push(...(res.data.users ?? []).map((u) => u.primaryEmail ?? ''));
      pageToken = res.data.nextPageToken ?? undefined;
      pages += 1;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(emails).toEqual(sim.tenant.users.map((u) => u.primaryEmail));
    expect(sim.requests.count('GET', '/admin/directory/v1/users')).toBe(3);
  });

  it('caps maxResults at 500 and defaults to 100', async () => {
    const api = directory();
    const big = await api.users.list({ customer: sim.customerId, maxResults: 5000 } as never);
    expect(big.data.users).toHaveLength(500);
    const plain = await api.users.list({ customer: 'my_customer' });
    expect(plain.data.users).toHaveLength(100);
  });

  it('returns only the requested fields and the posture fields per the research', async () => {
    const fields =
      'nextPageToken,users(id,primaryEmail,isAdmin,isDelegatedAdmin,isEnrolledIn2Sv,isEnforcedIn2Sv,suspended,archived,lastLoginTime,creationTime,orgUnitPath)';
    const res = await directory().users.list({ customer: 'my_customer', maxResults: 500, fields });
    expect(Object.keys(res.data).sort()).toEqual(['nextPageToken', 'users']);
    const first = res.data.users?.[0] ?? {};
    expect(Object.keys(first).sort()).toEqual(
      [
        'archived',
        'creationTime',
        'id',
        'isAdmin',
        'isDelegatedAdmin',
        'isEnforcedIn2Sv',
        'isEnrolledIn2Sv',
        'lastLoginTime',
        'orgUnitPath',
        'primaryEmail',
        'suspended',
      ].sort(),
    );
    expect(first.isAdmin).toBe(true);
    const neverLoggedIn = sim.tenant.users.filter((u) => u.lastLoginTime === NEVER_LOGGED_IN);
    expect(neverLoggedIn.length).toBeGreaterThan(0);
  });

  it('lists a user’s OAuth grants with tokens.list', async () => {
    const user = sim.tenant.users.find((u) => (sim.tenant.grants.get(u.index)?.length ?? 0) > 1)!;
    const res = await directory().tokens.list({ userKey: user.primaryEmail });
    expect(res.data.kind).toBe('admin#directory#tokenList');
    const expected = sim.tenant.grants.get(user.index) ?? [];
    expect(res.data.items?.map((t) => t.clientId)).toEqual(expected.map((g) => g.clientId));
    const item = res.data.items?.[0];
    expect(item).toMatchObject({
      kind: 'admin#directory#token',
      userKey: user.id,
      anonymous: expect.any(Boolean),
    });
    expect(item?.scopes?.length).toBeGreaterThan(0);
    expect(item?.etag).toBeTruthy();
    // The numeric id is a valid userKey too.
    const byId = await directory().tokens.list({ userKey: user.id });
    expect(byId.data.items).toHaveLength(expected.length);
  });

  it('answers 404 notFound for an unknown userKey and 403 for a non-admin subject', async () => {
    const missing = await rejectionOf(directory().tokens.list({ userKey: `nobody@${sim.domain}` }));
    expect(missing.status).toBe(404);
    const plain = sim.tenant.users.find((u) => !u.isAdmin && !u.isDelegatedAdmin && !u.suspended)!;
    const api = adminFor(sim, jwtFor(sim, plain.primaryEmail, [SCOPES.users]));
    const denied = await rejectionOf(api.users.list({ customer: 'my_customer' }));
    expect(denied.status).toBe(403);
    expect(reasonOf(denied)).toBe('forbidden');
  });

  it('serves injected quota errors in Google’s envelope (403 userRateLimitExceeded, 429)', async () => {
    sim.faults.add({
      path: '/admin/directory/v1/users',
      kind: 'rate-limit',
      status: 403,
      reason: 'userRateLimitExceeded',
      times: 1,
    });
    const error = await rejectionOf(directory().users.list({ customer: 'my_customer' }));
    expect(error.status).toBe(403);
    expect(error.response?.data).toEqual({
      error: {
        code: 403,
        message: 'User Rate Limit Exceeded',
        errors: [
          { domain: 'usageLimits', reason: 'userRateLimitExceeded', message: 'User Rate Limit Exceeded' },
        ],
        status: 'PERMISSION_DENIED',
      },
    });

    sim.faults.add({ path: '/admin/directory/v1/users', kind: 'rate-limit', times: 1 });
    const res = await fetch(`${sim.origin}/admin/directory/v1/users?customer=my_customer`);
    expect(res.status).toBe(429);
    const body = (await res.json()) as { error: { errors: Array<{ reason: string }>; status: string } };
    expect(body.error.errors[0]?.reason).toBe('rateLimitExceeded');
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
  });
});
