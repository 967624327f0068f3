/**
 * The background's apps: Microsoft's first-party service principals (Graph, SharePoint and
 * Exchange with their app roles), in-house app registrations with secrets and certificates of
 * mixed lifetimes, third-party multi-tenant apps from verified and unverified publishers, the
 * application permissions some of them hold, and the users' delegated grants (Principal, and
 * AllPrincipals for a few apps).
 */
import type { Random } from '../random.ts';
import { addServicePrincipal, appRoleAssignment, makeServicePrincipal, type SpDraft } from './apps.ts';
import {
  APP_ROLE_POOL,
  DELEGATED_SCOPE_POOLS,
  EXCHANGE_APP_ID,
  EXCHANGE_APP_ROLES,
  FIRST_PARTY_APPS,
  GRAPH_APP_ID,
  GRAPH_APP_ROLES,
  MICROSOFT_SERVICES_TENANT,
  SHAREPOINT_APP_ID,
  SHAREPOINT_APP_ROLES,
} from './catalog.ts';
import { delegatedGrantId, guid, guidFromName } from './ids.ts';
import { iso } from './item-store.ts';
import type {
  Application,
  DelegatedGrant,
  KeyCredential,
  MicrosoftTenant,
  PasswordCredential,
  ServicePrincipal,
} from './types.ts';

const DAY = 86_400_000;

const VENDOR_WORDS = [
  'Atlas',
  'Beacon',
  'Cobalt',
  'Delta',
  'Ember',
  'Falcon',
  'Garnet',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Maple',
  'Nimbus',
  'Onyx',
  'Pioneer',
  'Quartz',
  'Raven',
  'Summit',
  'Tundra',
  'Umber',
  'Vertex',
  'Willow',
  'Zephyr',
];
const PRODUCT_WORDS = [
  'Sync',
  'Forms',
  'Sign',
  'Boards',
  'Tasks',
  'Notes',
  'Insights',
  'Backup',
  'Connect',
  'Scheduler',
  'Mailer',
  'Reports',
  'Docs',
  'Survey',
  'Invoices',
  'Timesheets',
  'Drive Sync',
  'Planner',
];
const IN_HOUSE = [
  'Intranet Sync',
  'Finance ETL',
  'HR Connector',
  'Build Pipeline',
  'Reporting Service',
  'Backup Job',
  'CRM Bridge',
  'Warehouse Loader',
  'Ticket Router',
  'Badge Access',
];

export function firstPartySps(random: Random, created: string): ServicePrincipal[] {
  return FIRST_PARTY_APPS.map((app, index) => {
    const sp = makeServicePrincipal(
      random,
      index,
      {
        appId: app.appId,
        displayName: app.displayName,
        publisherName: 'Microsoft Services',
        verified: false,
        owner: MICROSOFT_SERVICES_TENANT,
        audience: 'AzureADMultipleOrgs',
        homepage: null,
      },
      created,
    );
    if (app.appId === GRAPH_APP_ID) {
      sp.appRoles = GRAPH_APP_ROLES.map((r) => ({ ...r }));
      sp.oauth2PermissionScopes = Object.values(DELEGATED_SCOPE_POOLS).flat();
    } else if (app.appId === SHAREPOINT_APP_ID) sp.appRoles = SHAREPOINT_APP_ROLES.map((r) => ({ ...r }));
    else if (app.appId === EXCHANGE_APP_ID) sp.appRoles = EXCHANGE_APP_ROLES.map((r) => ({ ...r }));
    return sp;
  });
}

function vendorDraft(random: Random, n: number): SpDraft {
  const vendor = VENDOR_WORDS[n % VENDOR_WORDS.length] as string;
  const product = PRODUCT_WORDS[Math.floor(n / VENDOR_WORDS.length) % PRODUCT_WORDS.length] as string;
  const round = Math.floor(n / (VENDOR_WORDS.length * PRODUCT_WORDS.length));
  const publisherName = `${vendor} ${random.chance(0.5) ? 'Software' : 'Labs'}`;
  return {
    displayName: `${vendor} ${product}${round > 0 ? ` ${round + 1}` : ''}`,
    publisherName,
    verified: random.chance(0.55),
    owner: guidFromName(`vendor:${publisherName}`),
    audience: 'AzureADMultipleOrgs',
    homepage: `https://${vendor.toLowerCase()}${product.toLowerCase().replace(/\s/g, '')}.example.com`,
  };
}

function credentials(random: Random, appIndex: number, now: number) {
  const passwordCredentials: PasswordCredential[] = [];
  const keyCredentials: KeyCredential[] = [];
  const secrets = random.int(0, 2);
  for (let s = 0; s < secrets; s += 1) {
    const start = now - random.int(0, 700) * DAY;
    passwordCredentials.push({
      keyId: guid(random),
      displayName: random.pick(['ci', 'prod', 'deploy', null]),
      hint: random.token(3, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~'),
      startDateTime: iso(start),
      endDateTime: iso(start + random.pick([90, 180, 365, 730]) * DAY),
    });
  }
  if (random.chance(0.3)) {
    const start = now - random.int(0, 700) * DAY;
    keyCredentials.push({
      keyId: guid(random),
      displayName: `CN=app-${appIndex}`,
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      startDateTime: iso(start),
      endDateTime: iso(start + random.pick([365, 730, 1095]) * DAY),
      customKeyIdentifier: random.token(40).toUpperCase(),
    });
  }
  return { passwordCredentials, keyCredentials };
}

/** Scopes one third-party app asks for: sign-in, often a moderate one, sometimes a sensitive one. */
function appScopes(random: Random): string {
  const scopes = new Set<string>(['User.Read', 'offline_access']);
  if (random.chance(0.4)) scopes.add('openid').add('profile');
  if (random.chance(0.5)) scopes.add(random.pick(DELEGATED_SCOPE_POOLS.moderate));
  if (random.chance(0.25)) scopes.add(random.pick(DELEGATED_SCOPE_POOLS.sensitive));
  return [...scopes].join(' ');
}

export function generateApps(
  tenant: MicrosoftTenant,
  random: Random,
  size: { applications: number; servicePrincipals: number },
  now: number,
) {
  const tenantCreated = Date.parse(tenant.createdDateTime);
  const sps = tenant.servicePrincipals;
  const graph = sps.find((s) => s.appId === GRAPH_APP_ID) as ServicePrincipal;
  for (let a = 0; a < size.applications; a += 1) {
    const created = iso(now - random.int(30, 1500) * DAY);
    const name = `${IN_HOUSE[a % IN_HOUSE.length]}${a >= IN_HOUSE.length ? ` ${Math.floor(a / IN_HOUSE.length) + 1}` : ''}`;
    const app: Application = {
      index: a,
      id: guid(random),
      appId: guid(random),
      displayName: name,
      signInAudience: 'AzureADMyOrg',
      createdDateTime: created,
      ...credentials(random, a, now),
    };
    tenant.applications.push(app);
    const sp = addServicePrincipal(
      tenant,
      random,
      {
        appId: app.appId,
        displayName: name,
        publisherName: tenant.displayName,
        verified: false,
        owner: tenant.tenantId,
        audience: 'AzureADMyOrg',
        homepage: null,
      },
      created,
    );
    if (random.chance(0.6)) {
      for (const p of random.sampleIndices(APP_ROLE_POOL.length, random.int(1, 2)))
        tenant.assignments.push(appRoleAssignment(sp, graph, APP_ROLE_POOL[p] as string, created));
    }
  }

  const thirdParty: ServicePrincipal[] = [];
  const count = Math.max(0, size.servicePrincipals - sps.length);
  for (let n = 0; n < count; n += 1) {
    const created = iso(Math.max(tenantCreated, now - random.int(1, 1200) * DAY));
    const sp = addServicePrincipal(tenant, random, vendorDraft(random, n), created);
    thirdParty.push(sp);
    if (random.chance(0.08)) {
      for (const p of random.sampleIndices(APP_ROLE_POOL.length, random.int(1, 2)))
        tenant.assignments.push(appRoleAssignment(sp, graph, APP_ROLE_POOL[p] as string, created));
    }
  }
  return thirdParty;
}

export function generateGrants(
  tenant: MicrosoftTenant,
  random: Random,
  thirdParty: ServicePrincipal[],
  perUser: number,
): void {
  const graph = tenant.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID) as ServicePrincipal;
  const popular = thirdParty.slice(0, 25);
  const scopes = new Map(popular.map((sp) => [sp.id, appScopes(random)]));
  for (const user of tenant.users) {
    if (user.userType === 'Guest' || popular.length === 0) continue;
    const picks = random.sampleIndices(popular.length, random.int(0, Math.round(perUser * 2)));
    for (const p of picks) {
      const sp = popular[p] as ServicePrincipal;
      tenant.grants.push({
        id: delegatedGrantId(sp.id, graph.id, user.id),
        clientId: sp.id,
        consentType: 'Principal',
        principalId: user.id,
        resourceId: graph.id,
        scope: scopes.get(sp.id) as string,
      });
    }
  }
  for (const sp of thirdParty) {
    if (!random.chance(0.04)) continue;
    const grant: DelegatedGrant = {
      id: delegatedGrantId(sp.id, graph.id, null),
      clientId: sp.id,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: graph.id,
      scope: scopes.get(sp.id) ?? appScopes(random),
    };
    tenant.grants.push(grant);
  }
}
