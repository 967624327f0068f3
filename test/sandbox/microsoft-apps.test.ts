import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GRAPH_APP_ID,
  MICROSOFT_PLANTED_APPS,
  MICROSOFT_SERVICES_TENANT,
  type MicrosoftSimulator,
  startMicrosoftSimulator,
} from '../../sandbox/index.ts';
import { allPages, graphFor, graphRejection, tokenFor, trustSimulator } from './microsoft-support.ts';

interface Sp {
  id: string;
  appId: string;
  displayName: string;
  appOwnerOrganizationId: string | null;
  verifiedPublisher: { displayName: string | null; verifiedPublisherId: string | null };
  appRoles: Array<{ id: string; value: string }>;
}

describe('Microsoft simulator apps and consent', () => {
  let sim: MicrosoftSimulator;
  let token: string;
  const client = () => graphFor(sim, token);
  beforeAll(async () => {
    sim = await startMicrosoftSimulator({
      seed: 5,
      size: { users: 300, itemsPerDrive: 2, sites: 1, servicePrincipals: 150 },
    });
    trustSimulator(sim);
    token = await tokenFor(sim);
  });
  afterAll(() => sim.close());

  it('lists service principals: first-party, third-party with publishers, Microsoft Graph with its app roles', async () => {
    const first = await client().api('/servicePrincipals').top(100).get();
    const { items, pages } = await allPages<Sp>(client(), first);
    expect(items).toHaveLength(sim.tenant.servicePrincipals.length);
    expect(pages).toBe(Math.ceil(items.length / 100));
    const graph = items.find((s) => s.appId === GRAPH_APP_ID);
    expect(graph?.appOwnerOrganizationId).toBe(MICROSOFT_SERVICES_TENANT);
    expect(graph?.appRoles.find((r) => r.value === 'Files.ReadWrite.All')?.id).toBe(
      '75359482-378d-4052-8f01-80520e7db3cd',
    );
    const chatgpt = items.find((s) => s.appId === MICROSOFT_PLANTED_APPS.chatgpt.appId);
    expect(chatgpt).toMatchObject({ displayName: 'ChatGPT', verifiedPublisher: { displayName: 'OpenAI' } });
    expect(chatgpt?.verifiedPublisher.verifiedPublisherId).toBeTruthy();
    const pdf = items.find((s) => s.appId === MICROSOFT_PLANTED_APPS.pdfSync.appId);
    expect(pdf?.verifiedPublisher).toEqual({
      displayName: null,
      verifiedPublisherId: null,
      addedDateTime: null,
    });
    expect(pdf?.appOwnerOrganizationId).not.toBe(sim.tenantId);
    const inHouse = items.filter((s) => s.appOwnerOrganizationId === sim.tenantId);
    expect(inHouse.length).toBe(sim.tenant.applications.length);

    const filtered = await client()
      .api('/servicePrincipals')
      .filter(`appId eq '${GRAPH_APP_ID}'`)
      .select(['id', 'appId'])
      .get();
    expect(filtered.value).toEqual([{ id: graph?.id, appId: GRAPH_APP_ID }]);
  });

  it('lists application permissions per service principal, resolvable through the resource’s appRoles', async () => {
    const backup = sim.tenant.planted.apps.backupVault as string;
    const assignments = (await client().api(`/servicePrincipals/${backup}/appRoleAssignments`).get())
      .value as Array<{
      id: string;
      appRoleId: string;
      resourceId: string;
      principalType: string;
      resourceDisplayName: string;
    }>;
    expect(assignments).toHaveLength(2);
    const graph = (await client().api('/servicePrincipals').filter(`appId eq '${GRAPH_APP_ID}'`).get())
      .value[0] as Sp;
    const values = assignments.map((a) => graph.appRoles.find((r) => r.id === a.appRoleId)?.value).sort();
    expect(values).toEqual(['Files.Read.All', 'Mail.Read']);
    expect(assignments[0]).toMatchObject({
      principalType: 'ServicePrincipal',
      resourceId: graph.id,
      resourceDisplayName: 'Microsoft Graph',
    });
    expect(assignments.map((a) => a.id).sort()).toEqual(
      [sim.tenant.planted.grants.backupVaultFiles, sim.tenant.planted.grants.backupVaultMail].sort(),
    );
    const missing = await graphRejection(
      client().api('/servicePrincipals/00000000-0000-0000-0000-000000000000').get(),
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe('Request_ResourceNotFound');
  });

  it('lists delegated grants (Principal and AllPrincipals) with space-separated scopes', async () => {
    const all = await allPages<Record<string, unknown>>(
      client(),
      await client().api('/oauth2PermissionGrants').top(999).get(),
    );
    expect(all.items).toHaveLength(sim.tenant.grants.length);
    const otter = all.items.find((g) => g.id === sim.tenant.planted.grants.otterTenant);
    expect(otter).toMatchObject({
      consentType: 'AllPrincipals',
      principalId: null,
      clientId: sim.tenant.planted.apps.otter,
      scope: 'User.Read Calendars.Read offline_access',
    });
    const chatgpt = all.items.find((g) => g.id === sim.tenant.planted.grants.chatgptUser);
    expect(chatgpt).toMatchObject({
      consentType: 'Principal',
      principalId: sim.tenant.planted.users.userMfa,
    });
    const mine = await client()
      .api('/oauth2PermissionGrants')
      .filter(`clientId eq '${sim.tenant.planted.apps.chatgpt}'`)
      .get();
    expect(mine.value).toHaveLength(2);
  });

  it('lists app registrations with secret hints and certificate metadata, never the secrets', async () => {
    const apps = (
      await client()
        .api('/applications')
        .select(['id', 'appId', 'displayName', 'passwordCredentials', 'keyCredentials'])
        .get()
    ).value as Array<{
      id: string;
      passwordCredentials: Array<Record<string, unknown>>;
      keyCredentials: Array<Record<string, unknown>>;
    }>;
    const payroll = apps.find((a) => a.id === sim.tenant.planted.applications.payrollSync);
    expect(payroll?.passwordCredentials[0]).toMatchObject({
      secretText: null,
      hint: expect.stringMatching(/^.{3}$/),
    });
    const portal = apps.find((a) => a.id === sim.tenant.planted.applications.intranetPortal);
    expect(portal?.keyCredentials[0]).toMatchObject({
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      key: null,
    });
    const secrets = apps.flatMap((a) => a.passwordCredentials);
    expect(secrets.every((s) => s.secretText === null)).toBe(true);
  });

  it('follows service principal changes in servicePrincipals/delta', async () => {
    const round = await allPages(
      client(),
      await client().api('/servicePrincipals/delta').select(['id', 'displayName', 'verifiedPublisher']).get(),
    );
    expect(round.items).toHaveLength(sim.tenant.servicePrincipals.filter((s) => !s.deleted).length);
    const added = sim.mutate.addServicePrincipal({
      displayName: 'New Vendor Sync',
      publisherName: 'New Vendor',
      verified: false,
      owner: '9d7c2b1a-0000-4000-a000-000000000001',
      audience: 'AzureADMultipleOrgs',
      homepage: null,
    });
    const pdf = sim.tenant.planted.apps.pdfSync as string;
    sim.mutate.updateServicePrincipal(pdf, {
      verifiedPublisher: {
        displayName: 'Fabrikam Tools',
        verifiedPublisherId: '1234567',
        addedDateTime: new Date().toISOString(),
      },
    });
    const lunch = sim.tenant.planted.apps.lunchPoll as string;
    sim.mutate.removeServicePrincipal(lunch);
    const changes = await client()
      .api(round.last['@odata.deltaLink'] as string)
      .get();
    expect(changes.value.map((s: { id: string }) => s.id)).toEqual([added.id, pdf, lunch]);
    expect(changes.value[1].verifiedPublisher.verifiedPublisherId).toBe('1234567');
    expect(changes.value[2]).toEqual({ id: lunch, '@removed': { reason: 'changed' } });
    // Removing an app removes its grants.
    expect(sim.tenant.grants.some((g) => g.clientId === lunch)).toBe(false);
  });

  it('serves the tenant settings as single objects', async () => {
    const authz = await client().api('/policies/authorizationPolicy').get();
    expect(authz.value).toBeUndefined();
    expect(authz).toMatchObject({
      id: 'authorizationPolicy',
      defaultUserRolePermissions: {
        allowedToCreateApps: true,
        permissionGrantPoliciesAssigned: expect.arrayContaining([
          'ManagePermissionGrantsForSelf.microsoft-user-default-legacy',
        ]),
      },
    });
    const consent = await client().api('/policies/adminConsentRequestPolicy').get();
    expect(consent).toMatchObject({ isEnabled: false, requestDurationInDays: 30 });
    const spo = await client().api('/admin/sharepoint/settings').get();
    expect(spo).toMatchObject({
      sharingCapability: 'externalUserAndGuestSharing',
      sharingDomainRestrictionMode: 'none',
    });
    expect(spo.defaultSharingLinkType).toBeUndefined();
  });
});

describe('Microsoft simulator SharePoint admin REST (SPO.Tenant)', () => {
  let sim: MicrosoftSimulator;
  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ seed: 6, size: { users: 10, itemsPerDrive: 2, sites: 0 } });
    trustSimulator(sim);
  });
  afterAll(() => sim.close());

  const spoGet = (token: string, accept = 'application/json;odata=nometadata', path = '/_api/SPO.Tenant') =>
    fetch(`${sim.sharepointAdminUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept } });

  it('returns the sharing defaults with SPO’s enum numbers, in each OData flavour', async () => {
    const token = await tokenFor(
      sim,
      'certificate',
      `https://${sim.tenant.sharepointPrefix}-admin.sharepoint.com/.default`,
    );
    const flat = (await (await spoGet(token)).json()) as Record<string, unknown>;
    expect(flat).toMatchObject({
      SharingCapability: 2,
      DefaultSharingLinkType: 3,
      DefaultLinkPermission: 2,
      RequireAnonymousLinksExpireInDays: -1,
    });
    const verbose = (await (await spoGet(token, 'application/json;odata=verbose')).json()) as {
      d: Record<string, unknown>;
    };
    expect(verbose.d.__metadata).toMatchObject({
      type: 'Microsoft.Online.SharePoint.TenantAdministration.Tenant',
    });
    expect(verbose.d.SharingCapability).toBe(2);
    const minimal = (await (await spoGet(token, 'application/json')).json()) as Record<string, unknown>;
    expect(minimal['odata.type']).toBe('Microsoft.Online.SharePoint.TenantAdministration.Tenant');
    const full = await spoGet(
      token,
      'application/json;odata=nometadata',
      '/_api/Microsoft.Online.SharePoint.TenantAdministration.Tenant',
    );
    expect(((await full.json()) as Record<string, unknown>).DefaultLinkPermission).toBe(2);
    const atom = await spoGet(token, 'application/atom+xml');
    expect(await atom.text()).toContain('<d:SharingCapability>2</d:SharingCapability>');
    const selected = (await (
      await fetch(`${sim.sharepointAdminUrl}/_api/SPO.Tenant?$select=SharingCapability`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json;odata=nometadata' },
      })
    ).json()) as Record<string, unknown>;
    expect(selected).toEqual({ SharingCapability: 2 });

    sim.mutate.updateSharePointSettings({
      sharingCapability: 'existingExternalUserSharingOnly',
      defaultSharingLinkType: 1,
      defaultLinkPermission: 1,
      requireAnonymousLinksExpireInDays: 30,
    });
    expect(await (await spoGet(token)).json()).toMatchObject({
      SharingCapability: 3,
      DefaultSharingLinkType: 1,
      DefaultLinkPermission: 1,
      RequireAnonymousLinksExpireInDays: 30,
    });
  });

  it('takes the simulator’s own origin as the SharePoint resource too', async () => {
    const token = await tokenFor(sim, 'certificate', `${sim.sharepointAdminUrl}/.default`);
    expect((await spoGet(token)).status).toBe(200);
  });

  it('refuses Graph tokens, secret-based app-only tokens and tokens without Sites.FullControl.All', async () => {
    const graph = await spoGet(await tokenFor(sim, 'certificate'));
    expect(graph.status).toBe(401);
    expect(graph.headers.get('www-authenticate')).toContain('Bearer realm=');
    const secret = await spoGet(
      await tokenFor(sim, 'secret', `https://${sim.tenant.sharepointPrefix}.sharepoint.com/.default`),
    );
    expect(secret.status).toBe(401);
    expect(await secret.json()).toEqual({ error_description: 'Unsupported app only token.' });

    sim.mutate.setScannerRoles({ graph: ['User.Read.All'], sharepoint: ['Sites.Read.All'] });
    const weak = await spoGet(
      await tokenFor(
        sim,
        'certificate',
        `https://${sim.tenant.sharepointPrefix}-admin.sharepoint.com/.default`,
      ),
    );
    expect(weak.status).toBe(403);
    expect(await weak.json()).toMatchObject({
      'odata.error': { code: '-2147024891, System.UnauthorizedAccessException' },
    });
    expect((await spoGet('nonsense')).status).toBe(401);
  });
});
