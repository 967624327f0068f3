import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileIdOf, type GoogleSimulator, startGoogleSimulator } from '../../sandbox/index.ts';
import { adminFor, driveFor, jwtFor, reportsFor, SCOPES } from './google-support.ts';

describe('Google simulator at 10,000 users and 1,000,000 files', () => {
  let sim: GoogleSimulator;
  beforeAll(async () => {
    sim = await startGoogleSimulator({
      seed: 1,
      size: { users: 10_000, filesPerUser: 100, tokensPerUser: 3 },
    });
  });
  afterAll(() => sim.close());

  it('generates the whole tenant with a small audit history and the planted set', () => {
    const { tenant } = sim;
    expect(tenant.users).toHaveLength(10_000);
    // 10,000 × 100 My Drive files plus 3 shared drives × 100.
    expect(tenant.files.size).toBe(1_000_300);
    const grants = [...tenant.grants.values()].reduce((n, list) => n + list.length, 0);
    expect(grants).toBeGreaterThan(20_000);
    // History is per grant and per user, never per file.
    expect(tenant.events.size).toBeLessThan(grants * 2 + tenant.users.length * 2);
    expect(tenant.events.list('drive').length).toBeLessThan(100);
    expect(Object.keys(tenant.planted.files).length).toBeGreaterThan(15);
  });

  it('serves the first and last pages of users, Drive and Reports', async () => {
    const admin = sim.adminEmail;
    const directory = adminFor(sim, jwtFor(sim, admin, [SCOPES.users]));
    let pageToken: string | undefined;
    let last: string | undefined;
    let pages = 0;
    do {
      const res = await directory.users.list({
        customer: 'my_customer',
        maxResults: 500,
        pageToken,
        fields: 'nextPageToken,users(primaryEmail)',
      });
      last = res.data.users?.at(-1)?.primaryEmail ?? undefined;
      pageToken = res.data.nextPageToken ?? undefined;
      pages += 1;
    } while (pageToken);
    expect(pages).toBe(20);
    expect(last).toBe(sim.tenant.users[9_999]?.primaryEmail);

    const lastUser = sim.tenant.users.findLast((u) => !u.suspended)!;
    const drive = driveFor(sim, jwtFor(sim, lastUser.primaryEmail, [SCOPES.driveMeta]));
    const first = await drive.files.list({
      pageSize: 60,
      q: "'me' in owners",
      fields: 'nextPageToken,files(id)',
    });
    expect(first.data.files?.[0]?.id).toBe(fileIdOf(lastUser.index * 100));
    const second = await drive.files.list({
      pageSize: 60,
      q: "'me' in owners",
      pageToken: first.data.nextPageToken ?? '',
      fields: 'nextPageToken,files(id)',
    });
    expect(second.data.files?.at(-1)?.id).toBe(fileIdOf(lastUser.index * 100 + 99));
    expect(second.data.nextPageToken).toBeUndefined();

    const reports = reportsFor(sim, jwtFor(sim, admin, [SCOPES.reports]));
    const newest = await reports.activities.list({ userKey: 'all', applicationName: 'token' });
    expect(newest.data.items).toHaveLength(1000);
    expect(newest.data.nextPageToken).toBeTruthy();
    const mine = await reports.activities.list({ userKey: lastUser.primaryEmail, applicationName: 'token' });
    const expected = sim.tenant.grants.get(lastUser.index)?.length ?? 0;
    const authorized = (mine.data.items ?? []).filter((a) => a.events?.[0]?.name === 'authorize');
    expect(authorized).toHaveLength(expected);
  });
});
