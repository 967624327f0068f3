import { PageIterator, ResponseType } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MicrosoftSimulator, startMicrosoftSimulator } from '../../sandbox/index.ts';
import { allPages, graphFor, graphRejection, tokenFor, trustSimulator } from './microsoft-support.ts';

const USERS = '/v1.0/users';

describe('Microsoft simulator directory', () => {
  let sim: MicrosoftSimulator;
  let token: string;
  const client = () => graphFor(sim, token);
  const userId = (key: string) => sim.tenant.planted.users[key] as string;

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ seed: 3, size: { users: 1200, itemsPerDrive: 2, sites: 1 } });
    trustSimulator(sim);
    token = await tokenFor(sim);
  });
  afterAll(() => sim.close());

  it('lists the organization with its verified domains', async () => {
    const org = (await client().api('/organization').get()).value[0];
    expect(org.id).toBe(sim.tenantId);
    expect(org.verifiedDomains.map((d: { name: string }) => d.name)).toEqual([
      sim.domain,
      sim.tenant.initialDomain,
    ]);
    expect(org.verifiedDomains[1].isInitial).toBe(true);
  });

  it('returns Graph’s default user properties, or exactly the $select ones', async () => {
    const page = await client().api('/users').top(2).get();
    expect(Object.keys(page.value[0]).sort()).toEqual(
      [
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    const selected = await client().api('/users').select(['id', 'accountEnabled', 'userType']).top(2).get();
    expect(Object.keys(selected.value[0])).toEqual(['id', 'accountEnabled', 'userType']);
    expect(selected['@odata.context']).toContain('users(id,accountEnabled,userType)');
    const bad = await graphRejection(client().api('/users').select(['id', 'favouriteColour']).get());
    expect(bad.statusCode).toBe(400);
    expect(bad.message).toContain("Could not find a property named 'favouriteColour'");
  });

  it('pages 999 at a time with absolute nextLinks on its own origin, and rejects larger pages', async () => {
    const first = await client().api('/users').select(['id']).top(999).get();
    expect(first.value).toHaveLength(999);
    expect(first['@odata.nextLink']).toMatch(
      new RegExp(`^${sim.origin}/v1\\.0/users\\?\\$select=id&\\$top=999&\\$skiptoken=`),
    );
    const { items, pages } = await allPages<{ id: string }>(client(), first);
    expect(pages).toBe(2);
    expect(items.map((u) => u.id)).toEqual(sim.tenant.users.map((u) => u.id));

    const tooBig = await graphRejection(client().api('/users').top(1000).get());
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.code).toBe('Request_UnsupportedQuery');
    expect(tooBig.message).toBe("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
  });

  it('walks the pages with the SDK’s PageIterator', async () => {
    const seen: string[] = [];
    const first = await client().api('/users').select(['id']).top(500).get();
    const iterator = new PageIterator(client(), first, (u: { id: string }) => {
      seen.push(u.id);
      return true;
    });
    await iterator.iterate();
    expect(iterator.isComplete()).toBe(true);
    expect(seen).toHaveLength(sim.tenant.users.length);
  });

  it('returns signInActivity only when selected, 500 per page at most', async () => {
    const page = await client().api('/users').select(['id', 'signInActivity']).top(500).get();
    expect(page.value).toHaveLength(500);
    const never = page.value.find((u: { id: string }) => u.id === userId('neverSignedIn'));
    expect(never.signInActivity).toBeNull();
    const failed = page.value.find((u: { id: string }) => u.id === userId('failedSignIns'));
    expect(Date.parse(failed.signInActivity.lastSignInDateTime)).toBeGreaterThan(
      Date.parse(failed.signInActivity.lastSuccessfulSignInDateTime),
    );
    const legacy = page.value.find((u: { id: string }) => u.id === userId('legacySignIn'));
    expect(legacy.signInActivity.lastSuccessfulSignInDateTime).toBeNull();
    expect(legacy.signInActivity.lastSignInDateTime).toBeTruthy();

    const over = await graphRejection(client().api('/users').select(['id', 'signInActivity']).top(501).get());
    expect(over.statusCode).toBe(400);
    expect(over.message).toContain('between 1 and 500');
  });

  it('filters on a few properties and counts with ConsistencyLevel: eventual', async () => {
    const guests = await client()
      .api('/users')
      .filter("userType eq 'Guest'")
      .count(true)
      .header('ConsistencyLevel', 'eventual')
      .select(['id', 'userType'])
      .top(999)
      .get();
    const expected = sim.tenant.users.filter((u) => u.userType === 'Guest').length;
    expect(guests['@odata.count']).toBe(expected);
    expect(guests.value.every((u: { userType: string }) => u.userType === 'Guest')).toBe(true);
    const noHeader = await graphRejection(client().api('/users').count(true).get());
    expect(noHeader.statusCode).toBe(400);
    const unsupported = await graphRejection(
      client().api('/users').filter("startswith(displayName,'A')").get(),
    );
    expect(unsupported.code).toBe('Request_UnsupportedQuery');
  });

  it('serves the MFA registration report with isAdmin and isMfaRegistered', async () => {
    const rows = await allPages<Record<string, unknown>>(
      client(),
      await client().api('/reports/authenticationMethods/userRegistrationDetails').top(999).get(),
    );
    expect(rows.items).toHaveLength(sim.tenant.users.length);
    const byId = new Map(rows.items.map((r) => [r.id, r]));
    expect(byId.get(userId('adminNoMfa'))).toMatchObject({
      isAdmin: true,
      isMfaRegistered: false,
      userType: 'member',
    });
    expect(byId.get(userId('adminMfa'))).toMatchObject({ isAdmin: true, isMfaRegistered: true });
    expect(byId.get(userId('guestNoMfa'))).toMatchObject({
      isAdmin: false,
      isMfaRegistered: false,
      userType: 'guest',
    });
    expect(byId.get(userId('userMfa'))?.methodsRegistered).toContain('microsoftAuthenticatorPush');
  });

  it('expands role members (at most 20 per role, as Graph does) and pages /members for the rest', async () => {
    const roles = (await client().api('/directoryRoles').expand('members').get()).value as Array<{
      id: string;
      displayName: string;
      roleTemplateId: string;
      members: Array<{ id: string; '@odata.type': string }>;
    }>;
    const global = roles.find((r) => r.displayName === 'Global Administrator');
    expect(global?.roleTemplateId).toBe('62e90394-69f5-4237-9190-012177145e10');
    expect(global?.members.map((m) => m.id)).toEqual(
      expect.arrayContaining([sim.tenant.users[0]?.id, userId('disabledAdmin')]),
    );
    const guestAdmin = roles.find((r) => r.displayName === 'User Administrator');
    expect(guestAdmin?.members.map((m) => m.id)).toContain(userId('guestPrivileged'));
    expect(guestAdmin?.members[0]?.['@odata.type']).toBe('#microsoft.graph.user');

    const helpdesk = sim.tenant.users.filter((u) => u.userType === 'Member').slice(100, 130);
    for (const user of helpdesk) sim.mutate.assignRole(user.id, 'Helpdesk Administrator');
    const expanded = (await client().api('/directoryRoles').expand('members').get()).value.find(
      (r: { displayName: string }) => r.displayName === 'Helpdesk Administrator',
    );
    expect(expanded.members).toHaveLength(20);
    const members = await allPages(
      client(),
      await client().api(`/directoryRoles/${expanded.id}/members`).top(10).get(),
    );
    expect(members.items.length).toBeGreaterThanOrEqual(30);
  });

  it('answers 403 for signInActivity without AuditLog.Read.All', async () => {
    sim.mutate.setScannerRoles({ graph: ['User.Read.All'] });
    try {
      const limited = graphFor(sim, await tokenFor(sim, 'certificate'));
      const denied = await graphRejection(limited.api('/users').select(['id', 'signInActivity']).get());
      expect(denied.statusCode).toBe(403);
      expect(denied.code).toBe('Authorization_RequestDenied');
      expect((await limited.api('/users').top(1).get()).value).toHaveLength(1);
    } finally {
      sim.mutate.setScannerRoles({
        graph: [...(sim.auth.consentRoles.graph as string[])],
        sharepoint: sim.auth.consentRoles.sharepoint,
      });
    }
  });

  it('reports resource units for identity calls in x-ms-resource-unit', async () => {
    const units = async (request: ReturnType<ReturnType<typeof client>['api']>) => {
      const res = (await request.responseType(ResponseType.RAW).get()) as Response;
      return res.headers.get('x-ms-resource-unit');
    };
    expect(await units(client().api('/users'))).toBe('2');
    expect(await units(client().api('/users').select(['id']))).toBe('1');
    expect(await units(client().api('/users').top(5))).toBe('1');
    expect(await units(client().api('/organization'))).toBe('1');
    expect(await units(client().api('/directoryRoles').expand('members'))).toBe('2');
    expect(await units(client().api('/applications'))).toBe('2');
    expect(await units(client().api('/oauth2PermissionGrants'))).toBe('2');
    const sp = sim.tenant.servicePrincipals[0]?.id;
    expect(await units(client().api(`/servicePrincipals/${sp}/appRoleAssignments`))).toBe('2');
    expect(await units(client().api('/sites/getAllSites'))).toBeNull();
  });
});

describe('Microsoft simulator without Entra ID P1/P2', () => {
  let sim: MicrosoftSimulator;
  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ seed: 3, premium: false, size: { users: 30, itemsPerDrive: 2 } });
    trustSimulator(sim);
  });
  afterAll(() => sim.close());

  it('answers 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant for sign-in activity and the registration report', async () => {
    const client = graphFor(sim, await tokenFor(sim));
    const signIns = await graphRejection(client.api('/users').select(['id', 'signInActivity']).top(1).get());
    expect(signIns.statusCode).toBe(403);
    expect(signIns.code).toBe('Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    const report = await graphRejection(
      client.api('/reports/authenticationMethods/userRegistrationDetails').get(),
    );
    expect(report.code).toBe('Authentication_RequestFromNonPremiumTenantOrB2CTenant');
    // Everything else still answers.
    expect((await client.api('/users').select(['id', 'accountEnabled']).get()).value.length).toBe(30);
  });
});

describe('Microsoft simulator users/delta', () => {
  let sim: MicrosoftSimulator;
  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ seed: 4, size: { users: 250, itemsPerDrive: 2, sites: 0 } });
    trustSimulator(sim);
  });
  afterAll(() => sim.close());

  it('enumerates, then reports only what changed, removed users as @removed', async () => {
    const client = graphFor(sim, await tokenFor(sim));
    const first = await client.api('/users/delta').select(['id', 'displayName', 'accountEnabled']).get();
    expect(first['@odata.nextLink']).toContain('/v1.0/users/delta?$skiptoken=');
    const round = await allPages<{ id: string; accountEnabled: boolean }>(client, first);
    expect(round.items).toHaveLength(250);
    expect(Object.keys(round.items[0] ?? {}).sort()).toEqual(['accountEnabled', 'displayName', 'id']);
    const deltaLink = round.last['@odata.deltaLink'] as string;
    expect(deltaLink).toContain('/v1.0/users/delta?$deltatoken=');

    const quiet = await client.api(deltaLink).get();
    expect(quiet.value).toEqual([]);

    const ken = sim.tenant.planted.users.userMfa as string;
    const uma = sim.tenant.planted.users.userNoMfa as string;
    sim.mutate.updateUser(ken, { accountEnabled: false });
    sim.mutate.deleteUser(uma);
    const added = sim.mutate.addUser({ displayName: 'Zed New', userPrincipalName: 'zed.new@acme.example' });
    // Not directory-object changes: no delta entry.
    sim.mutate.setMfa(sim.tenant.planted.users.adminNoMfa as string, { isMfaRegistered: true });
    const changes = await client.api(quiet['@odata.deltaLink']).get();
    expect(changes.value).toEqual([
      { id: ken, displayName: 'Ken User', accountEnabled: false },
      { id: uma, '@removed': { reason: 'changed' } },
      { id: added.id, displayName: 'Zed New', accountEnabled: true },
    ]);

    const latest = await client.api('/users/delta').query({ $deltatoken: 'latest' }).get();
    expect(latest.value).toEqual([]);
    sim.mutate.updateUser(ken, { displayName: 'Ken Renamed' });
    const afterLatest = await client.api(latest['@odata.deltaLink']).get();
    expect(afterLatest.value.map((u: { id: string }) => u.id)).toEqual([ken]);
  });

  it('answers 400 syncStateNotFound once delta tokens are invalidated (or past 7 days)', async () => {
    const client = graphFor(sim, await tokenFor(sim));
    const round = await allPages(client, await client.api('/servicePrincipals/delta').select(['id']).get());
    sim.mutate.invalidateDirectoryDeltaTokens();
    const stale = await graphRejection(client.api(round.last['@odata.deltaLink'] as string).get());
    expect(stale.statusCode).toBe(400);
    expect(stale.code).toBe('syncStateNotFound');
    expect(sim.requests.count('GET', '/v1.0/servicePrincipals/delta')).toBeGreaterThan(1);
    expect(sim.requests.count('GET', USERS)).toBe(0);
  });
});
