/**
 * The Admin API routes the simulator serves (paths relative to the origin, as the SDK builds
 * them from a baseURL without /v1). Filters are applied before paging, as the API does.
 */
import { costReport, usageReport } from './reports.ts';
import type { AnthropicApiVersion, AnthropicOrg, SimWorkspace } from './types.ts';
import { apiKeyWire, errorReply, listPage, queryBoolean, queryList, type Reply } from './wire.ts';

export interface AnthropicCall {
  params: Record<string, string>;
  query: URLSearchParams;
  org: AnthropicOrg;
  version: AnthropicApiVersion;
  now: Date;
}

export interface AnthropicRoute {
  template: string;
  handle(call: AnthropicCall): Reply;
}

const notFound = (what: string) => errorReply(404, `${what} not found`);

function workspaceWire(ws: SimWorkspace) {
  return {
    type: 'workspace',
    id: ws.id,
    name: ws.name,
    created_at: ws.created_at,
    archived_at: ws.archived_at,
    display_color: ws.display_color,
    compartment_id: `cmpt_${ws.id.slice(-12)}`,
    external_key_id: ws.external_key_id,
    tags: {},
    data_residency: ws.data_residency,
    user_profile_id: null,
  };
}

function defaultWorkspace(org: AnthropicOrg): SimWorkspace {
  return {
    id: org.defaultWorkspaceId,
    name: 'Default',
    created_at: org.users[0]?.added_at ?? new Date(0).toISOString(),
    archived_at: null,
    display_color: '#6C5BB9',
    external_key_id: null,
    data_residency: {
      workspace_geo: 'us',
      allowed_inference_geos: 'unrestricted',
      default_inference_geo: 'global',
    },
  };
}

const P = '/v1/organizations';

export const anthropicRoutes: AnthropicRoute[] = [
  {
    template: `${P}/me`,
    handle: ({ org }) => ({ status: 200, body: { type: 'organization', ...org.organization } }),
  },
  {
    template: `${P}/users`,
    handle({ org, query }) {
      const email = query.get('email');
      const roles = new Set(queryList(query, 'roles'));
      const users = org.users
        .filter((u) => (email === null || u.email === email) && (roles.size === 0 || roles.has(u.role)))
        .map((u) => ({ type: 'user', ...u }));
      return listPage(users, (u) => u.id, query);
    },
  },
  {
    template: `${P}/users/{user_id}`,
    handle({ org, params }) {
      const user = org.users.find((u) => u.id === params.user_id);
      return user ? { status: 200, body: { type: 'user', ...user } } : notFound('User');
    },
  },
  {
    template: `${P}/invites`,
    handle({ org, query }) {
      const email = query.get('email');
      const roles = new Set(queryList(query, 'roles'));
      const statuses = new Set(queryList(query, 'statuses'));
      const invites = org.invites
        .filter(
          (i) =>
            (email === null || i.email === email) &&
            (roles.size === 0 || roles.has(i.role)) &&
            (statuses.size === 0 || statuses.has(i.status)),
        )
        .map((i) => ({ type: 'invite', ...i }));
      return listPage(invites, (i) => i.id, query);
    },
  },
  {
    template: `${P}/workspaces`,
    handle({ org, query }) {
      const archived = queryBoolean(query, 'include_archived');
      if (typeof archived !== 'boolean') return archived;
      const withDefault = queryBoolean(query, 'include_default');
      if (typeof withDefault !== 'boolean') return withDefault;
      const listed = org.workspaces.filter((w) => archived || w.archived_at === null);
      const all = withDefault ? [defaultWorkspace(org), ...listed] : listed;
      return listPage(all.map(workspaceWire), (w) => w.id, query);
    },
  },
  {
    template: `${P}/workspaces/{workspace_id}`,
    handle({ org, params }) {
      if (params.workspace_id === org.defaultWorkspaceId)
        return { status: 200, body: workspaceWire(defaultWorkspace(org)) };
      const ws = org.workspaces.find((w) => w.id === params.workspace_id);
      return ws ? { status: 200, body: workspaceWire(ws) } : notFound('Workspace');
    },
  },
  {
    template: `${P}/workspaces/{workspace_id}/members`,
    handle({ org, params, query }) {
      const members = org.members.get(params.workspace_id as string);
      if (!members) return notFound('Workspace');
      return listPage(
        members.map((m) => ({ type: 'workspace_member', ...m })),
        (m) => m.user_id,
        query,
      );
    },
  },
  {
    template: `${P}/api_keys`,
    handle({ org, query, version }) {
      const status = query.get('status');
      const workspace = query.get('workspace_id');
      const creator = query.get('created_by_user_id');
      if (status !== null && !['active', 'inactive', 'archived', 'expired'].includes(status)) {
        return errorReply(400, `status: Input should be 'active', 'inactive', 'archived' or 'expired'`);
      }
      const keys = org.apiKeys
        .filter(
          (k) =>
            (status === null || k.status === status) &&
            (workspace === null || k.workspaceId === workspace) &&
            (creator === null || k.created_by?.id === creator),
        )
        .map((k) => apiKeyWire(k, version, org.defaultWorkspaceId));
      return listPage(keys, (k) => k.id, query);
    },
  },
  {
    template: `${P}/api_keys/{api_key_id}`,
    handle({ org, params, version }) {
      const key = org.apiKeys.find((k) => k.id === params.api_key_id);
      return key
        ? { status: 200, body: apiKeyWire(key, version, org.defaultWorkspaceId) }
        : notFound('API key');
    },
  },
  { template: `${P}/usage_report/messages`, handle: ({ org, query, now }) => usageReport(org, query, now) },
  { template: `${P}/cost_report`, handle: ({ org, query, now }) => costReport(org, query, now) },
];
