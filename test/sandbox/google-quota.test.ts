import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GoogleSimulator, startGoogleSimulator } from '../../sandbox/index.ts';
import { adminFor, driveFor, jwtFor, reasonOf, rejectionOf, reportsFor, SCOPES } from './google-support.ts';

const USERS = '/admin/directory/v1/users';

describe('Google simulator quotas', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({
      seed: 2,
      size: { users: 30, filesPerUser: 5 },
      quota: { directoryPerMinute: 3, drivePerMinute: 4, reportsPerMinute: 2 },
    });
  });
  afterAll(() => sim.close());

  const directory = (subject = sim.adminEmail) => adminFor(sim, jwtFor(sim, subject, [SCOPES.users]));
  const otherAdmin = () => sim.tenant.planted.users.admin2sv as string;

  /** A bearer token for raw fetches (no SDK retries in the way). */
  async function bearer(subject: string, scopes: string[]): Promise<string> {
    const { token } = await jwtFor(sim, subject, scopes).getAccessToken();
    return token as string;
  }

  it('answers 403 userRateLimitExceeded per user and API family once the budget is spent', async () => {
    sim.quota.reset();
    const api = directory();
    for (let i = 0; i < 3; i += 1) await api.users.list({ customer: 'my_customer', maxResults: 1 });
    const before = sim.requests.count('GET', USERS);
    const error = await rejectionOf(api.users.list({ customer: 'my_customer', maxResults: 1 }));
    expect(error.status).toBe(403);
    expect(error.response?.data).toEqual({
      error: {
        code: 403,
        message: 'User Rate Limit Exceeded',
        errors: [
          { message: 'User Rate Limit Exceeded', domain: 'usageLimits', reason: 'userRateLimitExceeded' },
        ],
        status: 'PERMISSION_DENIED',
      },
    });
    // googleapis does not retry a 403: one call reached the simulator.
    expect(sim.requests.count('GET', USERS)).toBe(before + 1);
    expect(error.response?.headers.get?.('retry-after') ?? null).toBeNull();

    // Another impersonated admin has its own budget; Drive and Reports budgets are separate.
    const other = await directory(otherAdmin()).users.list({ customer: 'my_customer', maxResults: 1 });
    expect(other.status).toBe(200);
    const drive = await driveFor(sim, jwtFor(sim, sim.adminEmail, [SCOPES.driveMeta])).files.list({
      pageSize: 1,
    });
    expect(drive.status).toBe(200);
    const reports = reportsFor(sim, jwtFor(sim, sim.adminEmail, [SCOPES.reports]));
    await reports.activities.list({ userKey: 'all', applicationName: 'token', maxResults: 1 });
    await reports.activities.list({ userKey: 'all', applicationName: 'token', maxResults: 1 });
    const third = await rejectionOf(
      reports.activities.list({ userKey: 'all', applicationName: 'token', maxResults: 1 }),
    );
    expect(reasonOf(third)).toBe('userRateLimitExceeded');
  });

  it('counts Drive calls per user: the fifth call in the window is refused', async () => {
    sim.quota.reset();
    const token = await bearer(sim.adminEmail, [SCOPES.driveMeta]);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await fetch(`${sim.origin}/drive/v3/files?pageSize=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      statuses.push(res.status);
      if (res.status === 403) expect(res.headers.get('retry-after')).toBeNull();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 403]);
  });

  it('slides the window: calls are allowed again once old ones age out', async () => {
    sim.quota.reset();
    sim.quota.settings.windowMs = 300;
    try {
      const api = directory();
      for (let i = 0; i < 3; i += 1) await api.users.list({ customer: 'my_customer', maxResults: 1 });
      const refused = await rejectionOf(api.users.list({ customer: 'my_customer', maxResults: 1 }));
      expect(refused.status).toBe(403);
      await new Promise((resolve) => setTimeout(resolve, 350));
      const again = await api.users.list({ customer: 'my_customer', maxResults: 1 });
      expect(again.status).toBe(200);
    } finally {
      delete sim.quota.settings.windowMs;
    }
  });

  it('answers 429 rateLimitExceeded once the account-wide budget is spent', async () => {
    sim.quota.reset();
    sim.quota.settings.accountPerMinute = 2;
    try {
      const token = await bearer(sim.adminEmail, [SCOPES.users]);
      const call = () =>
        fetch(`${sim.origin}${USERS}?customer=my_customer&maxResults=1`, {
          headers: { authorization: `Bearer ${token}` },
        });
      expect((await call()).status).toBe(200);
      const otherToken = await bearer(otherAdmin(), [SCOPES.users]);
      const other = await fetch(`${sim.origin}${USERS}?customer=my_customer&maxResults=1`, {
        headers: { authorization: `Bearer ${otherToken}` },
      });
      expect(other.status).toBe(200);
      const limited = await call();
      expect(limited.status).toBe(429);
      const body = (await limited.json()) as { error: { errors: Array<{ reason: string; domain: string }> } };
      expect(body.error.errors[0]).toMatchObject({ reason: 'rateLimitExceeded', domain: 'usageLimits' });
    } finally {
      delete sim.quota.settings.accountPerMinute;
    }
  });

  it('is off by default', async () => {
    const open = await startGoogleSimulator({ seed: 2, size: { users: 5, filesPerUser: 1 } });
    try {
      const openApi = adminFor(open, jwtFor(open, open.adminEmail, [SCOPES.users]));
      for (let i = 0; i < 25; i += 1) await openApi.users.list({ customer: 'my_customer', maxResults: 1 });
      expect(open.requests.byEndpoint()[`GET ${USERS}`]?.byStatus['200']).toBe(25);
      expect(open.quota.settings).toEqual({});
    } finally {
      await open.close();
    }
  });
});

describe('Google simulator quota faults', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({ seed: 4, size: { users: 5, filesPerUser: 1 } });
  });
  afterAll(() => sim.close());

  const cases: Array<{ status: number; reason?: string; kind: 'rate-limit' | 'server-error'; want: string }> =
    [
      { kind: 'rate-limit', status: 403, reason: 'userRateLimitExceeded', want: 'userRateLimitExceeded' },
      { kind: 'rate-limit', status: 403, reason: 'quotaExceeded', want: 'quotaExceeded' },
      { kind: 'rate-limit', status: 429, want: 'rateLimitExceeded' },
      { kind: 'server-error', status: 503, want: 'backendError' },
    ];
  for (const c of cases) {
    it(`injects ${c.status} ${c.want} in Google’s envelope`, async () => {
      sim.faults.add({ path: '/drive/v3/files', kind: c.kind, status: c.status, reason: c.reason, times: 1 });
      const res = await fetch(`${sim.origin}/drive/v3/files`);
      expect(res.status).toBe(c.status);
      const body = (await res.json()) as {
        error: { code: number; status: string; errors: Array<{ reason: string; domain: string }> };
      };
      expect(body.error.code).toBe(c.status);
      expect(body.error.errors[0]?.reason).toBe(c.want);
      expect(body.error.errors[0]?.domain).toBe(c.status === 503 ? 'global' : 'usageLimits');
      expect(body.error.status).toBe(
        { 403: 'PERMISSION_DENIED', 429: 'RESOURCE_EXHAUSTED', 503: 'UNAVAILABLE' }[c.status],
      );
      if (c.status === 403) expect(res.headers.get('retry-after')).toBeNull();
      // The fault fired once; the next call reaches the handler (401 without a token).
      expect((await fetch(`${sim.origin}/drive/v3/files`)).status).toBe(401);
    });
  }
});
