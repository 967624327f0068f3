/**
 * Service principals (apps), the application permissions they hold, and the app registrations'
 * credentials. Service principals come from `/servicePrincipals/delta`: the first pass
 * enumerates them and keeps the delta link, later passes read only what changed (an expired
 * link, 400 syncStateNotFound, restarts the enumeration). Application permissions are read per
 * Microsoft API (`appRoleAssignedTo` on Graph, Exchange, SharePoint: a few pages for the whole
 * tenant rather than one call per app) and credentials from `/applications`; both are full reads,
 * with deletions named against what the previous pass saw.
 */
import type { Batch } from '../../../scanner/connector.ts';
import { defineStream } from '../../../scanner/connector.ts';
import { isPeriscopeError } from '../../../scanner/errors.ts';
import type { AssetInput } from '../../../scanner/model.ts';
import type { Microsoft365Client } from '../client.ts';
import type { Microsoft365Credentials } from '../credentials.ts';
import { listServicePrincipals, SP_FIELDS } from '../directory.ts';
import {
  type Application,
  type AppRoleAssignment,
  isPrivilegedAppRole,
  normalizeAppRoleAssignment,
  normalizeCredentials,
  normalizeServicePrincipal,
  type ServicePrincipal,
} from '../normalize/apps.ts';

/** Microsoft APIs whose application permissions reach tenant data: Graph, Exchange Online, SharePoint Online. */
export const MICROSOFT_APIS = [
  '00000003-0000-0000-c000-000000000000',
  '00000002-0000-0ff1-ce00-000000000000',
  '00000003-0000-0ff1-ce00-000000000000',
];

interface AppsState {
  deltaLink: string;
  servicePrincipals: string[];
  assignments: string[];
  credentials: string[];
}

const STATE_KEY = 'apps';
const PERMISSION = 'Application.Read.All';

export const appsStream = defineStream<Microsoft365Credentials, Microsoft365Client>({
  name: 'apps',
  kinds: ['app', 'oauth_grant', 'api_key'],
  async *collect(ctx) {
    const { client } = ctx;
    const observedAt = new Date().toISOString();
    const previous = await ctx.state.get<AppsState>(STATE_KEY);

    const changed = await readServicePrincipalDelta(client, previous?.deltaLink);
    const delta = previous !== undefined && changed.incremental;
    const known = new Set(delta ? previous.servicePrincipals : []);
    for (const sp of changed.upserted) known.add(sp.id);
    for (const id of changed.removed) known.delete(id);
    const removed: NonNullable<Batch['removed']> = changed.removed.map((id) => ({
      kind: 'app' as const,
      externalId: id,
    }));
    if (!delta && previous) {
      // A restarted enumeration saw every app: the ones missing are gone.
      for (const id of previous.servicePrincipals)
        if (!known.has(id)) removed.push({ kind: 'app', externalId: id });
    }
    yield {
      assets: changed.upserted.map((sp) => normalizeServicePrincipal(sp, client.tenantId, observedAt)),
      ...(previous ? { delta: true, removed } : {}),
    };

    const all = await listServicePrincipals(client);
    const byId = new Map(all.map((sp) => [sp.id, sp]));
    const grants: AssetInput[] = [];
    const privileged = new Set<string>();
    for (const api of all.filter((sp) => sp.appId && MICROSOFT_APIS.includes(sp.appId))) {
      const roles = (await client.call(`GET /servicePrincipals/{id}?$select=appRoles`, PERMISSION, (graph) =>
        graph.api(`/servicePrincipals/${api.id}?$select=id,appRoles`).get(),
      )) as ServicePrincipal;
      const roleValue = new Map((roles.appRoles ?? []).map((r) => [r.id, r.value ?? r.id]));
      const assignments = await client.listAll<AppRoleAssignment>(
        'GET /servicePrincipals/{id}/appRoleAssignedTo',
        PERMISSION,
        `/servicePrincipals/${api.id}/appRoleAssignedTo?$top=999`,
      );
      for (const assignment of assignments) {
        if (assignment.principalType && assignment.principalType !== 'ServicePrincipal') continue;
        const value = roleValue.get(assignment.appRoleId) ?? assignment.appRoleId;
        if (isPrivilegedAppRole(value)) privileged.add(assignment.principalId);
        grants.push(
          normalizeAppRoleAssignment(
            assignment,
            byId.get(assignment.principalId),
            value,
            client.tenantId,
            observedAt,
          ),
        );
      }
    }
    const assignmentIds = grants.map((g) => g.externalId);
    yield {
      assets: grants,
      ...(previous ? { removed: gone(previous.assignments, assignmentIds, 'oauth_grant') } : {}),
    };

    const applications = await client.listAll<Application>(
      'GET /applications',
      PERMISSION,
      '/applications?$select=id,appId,displayName,passwordCredentials,keyCredentials&$top=999',
    );
    const appIdToSp = new Map(all.map((sp) => [sp.appId, sp.id]));
    const keys = applications.flatMap((app) =>
      normalizeCredentials(app, privileged.has(appIdToSp.get(app.appId) ?? ''), observedAt),
    );
    const keyIds = keys.map((k) => k.externalId);
    yield { assets: keys, ...(previous ? { removed: gone(previous.credentials, keyIds, 'api_key') } : {}) };

    await ctx.state.set(STATE_KEY, {
      deltaLink: changed.deltaLink,
      servicePrincipals: [...known],
      assignments: assignmentIds,
      credentials: keyIds,
    } satisfies AppsState);
  },
});

function gone(
  before: string[],
  now: string[],
  kind: 'oauth_grant' | 'api_key',
): NonNullable<Batch['removed']> {
  const present = new Set(now);
  return before.filter((id) => !present.has(id)).map((externalId) => ({ kind, externalId }));
}

interface DeltaResult {
  upserted: ServicePrincipal[];
  removed: string[];
  deltaLink: string;
  /** False when this was a full enumeration (first pass, or the old link expired). */
  incremental: boolean;
}

async function readServicePrincipalDelta(
  client: Microsoft365Client,
  deltaLink: string | undefined,
): Promise<DeltaResult> {
  const first = `/servicePrincipals/delta?$select=${SP_FIELDS}`;
  const read = async (start: string, incremental: boolean): Promise<DeltaResult> => {
    const upserted = new Map<string, ServicePrincipal>();
    const removed: string[] = [];
    let next: string | undefined = start;
    for (;;) {
      const url: string = next as string;
      const page = (await client.call('GET /servicePrincipals/delta', PERMISSION, (graph) =>
        graph.api(url).header('Prefer', 'odata.maxpagesize=999').get(),
      )) as {
        value?: Array<ServicePrincipal & { '@removed'?: unknown }>;
        '@odata.nextLink'?: string;
        '@odata.deltaLink'?: string;
      };
      if (!Array.isArray(page.value))
        throw new Error('microsoft-365 /servicePrincipals/delta: a page without value');
      for (const sp of page.value) {
        if (sp['@removed']) {
          upserted.delete(sp.id);
          removed.push(sp.id);
        } else upserted.set(sp.id, sp);
      }
      if (page['@odata.deltaLink'])
        return {
          upserted: [...upserted.values()],
          removed,
          deltaLink: page['@odata.deltaLink'],
          incremental,
        };
      next = page['@odata.nextLink'];
      if (!next)
        throw new Error('microsoft-365 /servicePrincipals/delta: a page with neither nextLink nor deltaLink');
    }
  };
  if (!deltaLink) return read(first, false);
  try {
    return await read(deltaLink, true);
  } catch (error) {
    // Directory delta links live 7 days; an expired one answers 400 syncStateNotFound.
    if (isPeriscopeError(error) && error.details.code === 'syncStateNotFound') return read(first, false);
    throw error;
  }
}
