import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemIdOf, type MicrosoftSimulator, startMicrosoftSimulator } from '../../sandbox/index.ts';
import { allPages, graphFor, tokenFor, trustSimulator } from './microsoft-support.ts';

describe('Microsoft simulator at 10,000 users and 1,000,000 drive items', () => {
  let sim: MicrosoftSimulator;
  let heapBefore: number;
  beforeAll(async () => {
    heapBefore = process.memoryUsage().heapUsed;
    sim = await startMicrosoftSimulator({ seed: 1, size: { users: 10_000, itemsPerDrive: 100, sites: 600 } });
    trustSimulator(sim);
  });
  afterAll(() => sim.close());

  it('generates the whole tenant in a few bytes per drive item', () => {
    const { tenant } = sim;
    expect(tenant.users).toHaveLength(10_000);
    expect(tenant.items.size).toBeGreaterThanOrEqual(1_000_000);
    expect(tenant.servicePrincipals.length).toBeGreaterThanOrEqual(2000);
    expect(tenant.grants.length).toBeGreaterThan(5000);
    expect(tenant.sites.length).toBe(tenant.drives.length);
    // Typed arrays, not a million objects: well under 100 bytes per item of heap.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100_000_000);
    expect(Object.keys(tenant.planted.items).length).toBeGreaterThan(15);
  });

  it('serves the first and last pages of users, service principals, sites and a drive', async () => {
    const client = graphFor(sim, await tokenFor(sim));
    const users = await allPages<{ id: string }>(
      client,
      await client.api('/users').select(['id']).top(999).get(),
    );
    expect(users.pages).toBe(11);
    expect(users.items.at(-1)?.id).toBe(sim.tenant.users[9_999]?.id);

    const sps = await allPages(
      client,
      await client.api('/servicePrincipals').select(['id', 'appId']).top(999).get(),
    );
    expect(sps.items).toHaveLength(sim.tenant.servicePrincipals.length);

    const first = await client.api('/sites/getAllSites').select(['id']).top(999).get();
    expect(first.value).toHaveLength(999);
    expect(first['@odata.nextLink']).toBeTruthy();

    const drive = sim.tenant.drives.at(-1);
    const range = sim.tenant.items.driveRange(drive?.index ?? 0);
    const delta = await allPages<{ id: string }>(
      client,
      await client.api(`/drives/${drive?.id}/root/delta`).top(40).get(),
    );
    expect(delta.pages).toBe(3);
    expect(delta.items.at(-1)?.id).toBe(itemIdOf(range.end - 1));
    expect(delta.last['@odata.deltaLink']).toBeTruthy();
    const permissions = await client
      .api(`/drives/${drive?.id}/items/${itemIdOf(range.end - 1)}/permissions`)
      .get();
    expect(permissions.value.length).toBeGreaterThanOrEqual(2);
  });
});
